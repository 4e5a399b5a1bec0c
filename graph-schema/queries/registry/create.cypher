// New records: the node with its properties and labels, its references and citations, and for a claim the shortcut
// between its endpoints. A target not yet projected (a later line of the same import) is merged as a bare :Record and
// completed when its own entry arrives. Every edge is keyed: a reference by its endpoints and type, a citation by its
// place in the claim's list (a claim may cite one item twice), a shortcut by its claim. A node that was new, or bare,
// before this entry has no edge of its own yet, nor has its claim a shortcut: its edges are created in one pass. A node
// that already held content means this entry is applied again: its edges are merged by their keys, adding nothing.
// Cases: a node's `cases` are every case it is visible in (its home, $row.home; the cases whose records name it, which
// a bare node may already hold; those it is shared into), kept across the properties' replacement. The identities the
// record names ($row.named) become visible in its home. A shortcut carries its claim's cases, for walks to filter on.
UNWIND $rows AS row
MERGE (n:Record {id: row.id})
WITH n, row, n.contentHash IS NULL AS fresh, coalesce(n.cases, []) AS had
SET n = row.props
SET n.cases = had + [c IN row.home WHERE NOT c IN had]
SET n:$(row.labels)
WITH n, row, fresh
CALL (n, row, fresh) {
  WITH * WHERE fresh
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
}
CALL (n, row, fresh) {
  WITH * WHERE NOT fresh
  CALL (n, row) {
    UNWIND row.refs AS e
    MERGE (t:Record {id: e.target})
    MERGE (n)-[:$(e.type)]->(t)
  }
  CALL (n, row) {
    UNWIND row.cites AS c
    MERGE (t:Record {id: c.target})
    MERGE (n)-[r:CITES {key: c.props.key}]->(t)
    SET r = c.props
  }
}
CALL (n, row) {
  UNWIND row.named AS target
  MATCH (t:Record {id: target})
  WITH t, row, coalesce(t.cases, []) AS had
  SET t.cases = had + [c IN row.home WHERE NOT c IN had]
}
WITH n, row, fresh WHERE row.shortcut IS NOT NULL
WITH row.shortcut AS s, fresh, n.cases AS cases
MERGE (a:Record {id: s.from})
MERGE (b:Record {id: s.to})
WITH a, b, s, fresh, cases
CALL (a, b, s, fresh, cases) {
  WITH * WHERE fresh
  CREATE (a)-[r:$(s.type)]->(b)
  SET r = s.props
  SET r.cases = cases
}
CALL (a, b, s, fresh, cases) {
  WITH * WHERE NOT fresh
  MERGE (a)-[r:$(s.type) {claim: s.props.claim}]->(b)
  SET r = s.props
  SET r.cases = cases
}
