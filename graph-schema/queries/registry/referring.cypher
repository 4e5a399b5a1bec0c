// Live records of one type that point at a record through one of their properties (a person's Sanction records).
MATCH (n:Record {id: $id})<-[r]-(m:Record)
WHERE r.claim IS NULL AND m.retiredAt IS NULL AND m.type = $type
RETURN DISTINCT m.id AS id
ORDER BY id
