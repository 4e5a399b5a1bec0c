// One page of a type's records that the reader's cases see, by display name.
MATCH (n:$($label))
WHERE ($includeRetired OR n.retiredAt IS NULL) AND ($everyCase OR any(k IN n.cases WHERE k IN $cases))
RETURN n.id AS id, null AS score
ORDER BY n.name, n.id
SKIP $skip LIMIT $limit
