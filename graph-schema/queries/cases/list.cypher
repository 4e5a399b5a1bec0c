MATCH (c:Case)
WHERE $status IS NULL OR c.status = $status
RETURN c
ORDER BY c.openedAt DESC, c.id
SKIP $skip LIMIT $limit
