// Every live person, by id.
MATCH (p:Person)
WHERE p.retiredAt IS NULL
RETURN p.id AS id
ORDER BY p.id
