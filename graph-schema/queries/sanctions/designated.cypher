// Persons with an active designation by a jurisdiction (on one of their records said to be the same person).
MATCH (s:Sanction)-[:DESIGNATES]->(p:Person)
WHERE s.retiredAt IS NULL AND s.status = 'active' AND s.jurisdiction = $jurisdiction
OPTIONAL MATCH (p)-[:SAME_AS*1..3]-(other:Person)
WITH collect(DISTINCT p.id) + collect(DISTINCT other.id) AS ids
UNWIND ids AS id
RETURN DISTINCT id
