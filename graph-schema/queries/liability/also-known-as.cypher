// For each person, the other person records Identity claims say are the same person.
UNWIND $ids AS personId
MATCH (p:Record {id: personId})-[:SAME_AS]-(q:Person)
WHERE q.retiredAt IS NULL
RETURN personId AS person, collect(DISTINCT q.id) AS others
