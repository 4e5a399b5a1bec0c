// Live records that point at a record (its citations and references, not shortcuts).
MATCH (n:Record {id: $id})<-[r]-(m:Record)
WHERE r.claim IS NULL AND m.retiredAt IS NULL
RETURN DISTINCT m.id AS id, m.type AS type
ORDER BY id
LIMIT 10
