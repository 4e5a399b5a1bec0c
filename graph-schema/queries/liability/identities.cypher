// The records an Identity claim says are the same person (either direction, up to three links), each with the
// claims that link it to the person asked about, shortest first.
MATCH (p:Record {id: $id})
WHERE p:Person
MATCH path = (p)-[:SAME_AS*0..3]-(q:Person)
WHERE q.retiredAt IS NULL
WITH q, path ORDER BY length(path)
WITH q, head(collect([r IN relationships(path) | r.claim])) AS claims
RETURN q.id AS person, claims
