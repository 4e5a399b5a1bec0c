// A record's new state replaces the old: properties (keeping when and by whom it was created), references, citations
// and the claim's shortcut are written afresh. Its own edges are deleted first, so creating them again is safe to repeat.
// Its cases are kept (and its home added, for a record written before cases); see create.cypher.
UNWIND $rows AS row
MATCH (n:Record {id: row.id})
WITH n, row, n {.createdSeq, .createdAt, .createdBy} AS kept, coalesce(n.cases, []) AS had
CALL (n) {
  MATCH (n)-->(:Record)-[s]->()
  WHERE s.claim = n.id
  DELETE s
}
CALL (n) {
  MATCH (n)-[r]->()
  WHERE r.claim IS NULL
  DELETE r
}
SET n = row.props
SET n += kept
SET n.cases = had + [c IN row.home WHERE NOT c IN had]
WITH n, row
CALL (n, row) {
  UNWIND row.refs AS e
  MERGE (t:Record {id: e.target})
  CREATE (n)-[:$(e.type)]->(t)
}
CALL (n, row) {
  UNWIND row.cites AS c
  MERGE (t:Record {id: c.target})
  CREATE (n)-[r:CITES]->(t)
  SET r = c.props
}
CALL (n, row) {
  UNWIND row.named AS target
  MATCH (t:Record {id: target})
  WITH t, row, coalesce(t.cases, []) AS had
  SET t.cases = had + [c IN row.home WHERE NOT c IN had]
}
WITH n, row WHERE row.shortcut IS NOT NULL
WITH row.shortcut AS s, n.cases AS cases
MERGE (a:Record {id: s.from})
MERGE (b:Record {id: s.to})
CREATE (a)-[r:$(s.type)]->(b)
SET r = s.props
SET r.cases = cases
