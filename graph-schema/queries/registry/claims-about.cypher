// The live claims the reader's cases see that refer to a record through one of their endpoints (not the evidence they
// cite), by type and id.
MATCH (n:Record {id: $id})<-[r]-(m:Claim)
WHERE r.claim IS NULL AND type(r) <> 'CITES' AND m.retiredAt IS NULL
  AND ($everyCase OR any(k IN m.cases WHERE k IN $cases))
RETURN DISTINCT m.id AS id, m.type AS type
ORDER BY type, id
