// One page of a type's records, by display name.
MATCH (n:$($label))
WHERE $includeRetired OR n.retiredAt IS NULL
RETURN n.id AS id, null AS score
ORDER BY n.name, n.id
SKIP $skip LIMIT $limit
