// Live records that point at a record (its citations and references, not shortcuts), each saying whether the reader's
// cases see it: those that do are named, the others only counted as there.
MATCH (n:Record {id: $id})<-[r]-(m:Record)
WHERE r.claim IS NULL AND m.retiredAt IS NULL
WITH DISTINCT m
RETURN m.id AS id, m.type AS type, ($everyCase OR any(k IN m.cases WHERE k IN $cases)) AS seen
ORDER BY seen DESC, id
LIMIT 11
