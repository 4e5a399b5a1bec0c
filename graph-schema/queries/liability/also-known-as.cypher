// For each person, the other person records Identity claims the reader's cases see say are the same person.
UNWIND $ids AS personId
MATCH (p:Record {id: personId})-[s:SAME_AS]-(q:Person)
WHERE q.retiredAt IS NULL AND ($everyCase OR any(k IN s.cases WHERE k IN $cases)) AND ($everyCase OR any(k IN q.cases WHERE k IN $cases))
RETURN personId AS person, collect(DISTINCT q.id) AS others
