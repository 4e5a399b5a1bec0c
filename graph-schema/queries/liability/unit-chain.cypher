// Superior units of a unit at a date, to the top: every path of UNDER links valid (possibly) on some day of
// [$atMin, $atMax], up to $maxDepth levels.
MATCH (u:Record {id: $id})
WHERE u:Unit
MATCH path = (u) (()-[r:UNDER WHERE r.fromMin <= $atMax AND r.toMax >= $atMin]->()){0,12} (top:Unit)
WHERE length(path) <= $maxDepth
RETURN [n IN nodes(path) | n.id] AS units, [x IN relationships(path) | x.claim] AS links
