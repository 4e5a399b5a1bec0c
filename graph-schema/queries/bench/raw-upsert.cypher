// The benchmark's baseline: records written straight into the graph, no validation, no journal. Each row's node
// is merged by id with its properties and label, and its references merged as relationships.
UNWIND $rows AS row
MERGE (n:Record {id: row.id})
SET n += row.props
SET n:$(row.label)
WITH n, row
UNWIND row.edges AS e
MERGE (t:Record {id: e.to})
MERGE (n)-[:$(e.type)]->(t)
