// Units below a unit at a date, down to $maxDepth levels, through links the reader's cases see.
MATCH (u:Record {id: $id})
WHERE u:Unit AND ($everyCase OR any(k IN u.cases WHERE k IN $cases))
MATCH path = (u) (()<-[r:UNDER WHERE r.fromMin <= $atMax AND r.toMax >= $atMin AND ($everyCase OR any(k IN r.cases WHERE k IN $cases))]-()){0,12} (below:Unit)
WHERE length(path) <= $maxDepth
RETURN [n IN nodes(path) | n.id] AS units, [x IN relationships(path) | x.claim] AS links
