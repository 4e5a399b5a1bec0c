// Persons with an active designation by a jurisdiction (on one of their records said to be the same person), as the
// reader's cases see them: designations, persons and Identity claims of their cases.
MATCH (s:Sanction)-[:DESIGNATES]->(p:Person)
WHERE s.retiredAt IS NULL AND s.status = 'active' AND s.jurisdiction = $jurisdiction
  AND ($everyCase OR any(k IN s.cases WHERE k IN $cases))
OPTIONAL MATCH (p) (()-[same:SAME_AS WHERE $everyCase OR any(k IN same.cases WHERE k IN $cases)]-()){1,3} (other:Person)
WITH collect(DISTINCT p.id) + collect(DISTINCT other.id) AS ids
UNWIND ids AS id
RETURN DISTINCT id
