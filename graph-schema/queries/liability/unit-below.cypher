// Units below a unit at a date, down to $maxDepth levels.
MATCH (u:Record {id: $id})
WHERE u:Unit
MATCH path = (u) (()<-[r:UNDER WHERE r.fromMin <= $atMax AND r.toMax >= $atMin]-()){0,12} (below:Unit)
WHERE length(path) <= $maxDepth
RETURN [n IN nodes(path) | n.id] AS units, [x IN relationships(path) | x.claim] AS links
