// One page of a type's records, by display name.
MATCH (n:$($label))
WHERE $includeRetired OR n.retiredAt IS NULL
RETURN n.content AS content, n.retiredSeq AS retiredSeq
ORDER BY n.name, n.id
SKIP $skip LIMIT $limit
