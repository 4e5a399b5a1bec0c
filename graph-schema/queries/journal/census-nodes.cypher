// The projected nodes by label (a node counts once for each of its labels); the graph's own bookkeeping left out.
MATCH (n) WHERE NOT n:SchemaMigration AND NOT n:ProjectionState
UNWIND labels(n) AS label
RETURN label, count(*) AS n
