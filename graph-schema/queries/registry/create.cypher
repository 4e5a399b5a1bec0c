// New records: the node with its properties and labels, its property edges, and for a claim the shortcut
// between its endpoints. A target not yet projected (a later line of the same import) is merged as a bare
// :Record and completed when its own entry arrives. Every edge is merged by its key (a property edge by its
// endpoints, type and key; a shortcut by its claim), so that applying the same entry twice adds nothing.
UNWIND $rows AS row
MERGE (n:Record {id: row.id})
SET n = row.props
SET n:$(row.labels)
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
