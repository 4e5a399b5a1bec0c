// A record's new state replaces the old: properties (keeping when and by whom it was created), property edges
// and the claim's shortcut are written afresh, merged by their keys as in create.cypher.
UNWIND $rows AS row
MATCH (n:Record {id: row.id})
WITH n, row, n {.createdSeq, .createdAt, .createdBy} AS kept
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
WITH n, row
CALL (n, row) {
  UNWIND row.edges AS e
  MERGE (t:Record {id: e.target})
  MERGE (n)-[r:$(e.type) {key: e.props.key}]->(t)
  SET r = e.props
}
WITH row WHERE row.shortcut IS NOT NULL
WITH row.shortcut AS s
MERGE (a:Record {id: s.from})
MERGE (b:Record {id: s.to})
MERGE (a)-[r:$(s.type) {claim: s.props.claim}]->(b)
SET r = s.props
