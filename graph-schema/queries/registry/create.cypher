// New records: the node with its properties and labels, its property edges, and for a claim the shortcut
// between its endpoints. A target not yet projected (a later line of the same import) is merged as a bare
// :Record and completed when its own entry arrives.
UNWIND $rows AS row
MERGE (n:Record {id: row.id})
SET n = row.props
SET n:$(row.labels)
WITH n, row
CALL (n, row) {
  UNWIND row.edges AS e
  MERGE (t:Record {id: e.target})
  CREATE (n)-[r:$(e.type)]->(t)
  SET r = e.props
}
WITH row WHERE row.shortcut IS NOT NULL
WITH row.shortcut AS s
MERGE (a:Record {id: s.from})
MERGE (b:Record {id: s.to})
CREATE (a)-[r:$(s.type)]->(b)
SET r = s.props
