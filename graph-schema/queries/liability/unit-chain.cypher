// Superior units of a unit at a date, to the top: every path of UNDER links the reader's cases see, valid (possibly)
// on some day of [$atMin, $atMax], up to $maxDepth levels.
MATCH (u:Record {id: $id})
WHERE u:Unit AND ($everyCase OR any(k IN u.cases WHERE k IN $cases))
MATCH path = (u) (()-[r:UNDER WHERE r.fromMin <= $atMax AND r.toMax >= $atMin AND ($everyCase OR any(k IN r.cases WHERE k IN $cases))]->()){0,12} (top:Unit)
WHERE length(path) <= $maxDepth
RETURN [n IN nodes(path) | n.id] AS units, [x IN relationships(path) | x.claim] AS links
