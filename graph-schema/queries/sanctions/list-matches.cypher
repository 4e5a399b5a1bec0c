// Live ListMatch decisions, of one person and/or one list when given.
MATCH (m:ListMatch)-[:PERSON]->(p:Person)
WHERE m.retiredAt IS NULL
  AND ($person IS NULL OR p.id = $person)
  AND ($list IS NULL OR m.listName = $list)
RETURN m.id AS id, p.id AS person, m.listName AS list, m.listEntry AS entry, m.decision AS decision
ORDER BY m.id
