// The records an Identity claim the reader's cases see says are the same person (either direction, up to three links),
// each with the claims that link it to the person asked about, shortest first.
MATCH (p:Record {id: $id})
WHERE p:Person AND ($everyCase OR any(k IN p.cases WHERE k IN $cases))
MATCH path = (p) (()-[s:SAME_AS WHERE ($everyCase OR any(k IN s.cases WHERE k IN $cases))]-()){0,3} (q:Person)
WHERE q.retiredAt IS NULL
WITH q, path ORDER BY length(path)
WITH q, head(collect([r IN relationships(path) | r.claim])) AS claims
RETURN q.id AS person, claims
