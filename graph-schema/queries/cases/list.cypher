// A reader's cases ($cases), newest first; $everyCase only for the service's own reads.
MATCH (c:Case)
WHERE ($everyCase OR c.id IN $cases) AND ($status IS NULL OR c.status = $status)
RETURN c
ORDER BY c.openedAt DESC, c.id
SKIP $skip LIMIT $limit
