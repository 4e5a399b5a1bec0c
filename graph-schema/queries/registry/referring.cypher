// Live records of one type the reader's cases see that point at a record through one of their properties (a person's
// Sanction records).
MATCH (n:Record {id: $id})<-[r]-(m:Record)
WHERE r.claim IS NULL AND m.retiredAt IS NULL AND m.type = $type
  AND ($everyCase OR any(k IN m.cases WHERE k IN $cases))
RETURN DISTINCT m.id AS id
ORDER BY id
