// Relationships that repeat another between the same nodes with the same type and key (a claim's shortcut is keyed by
// its claim, a property edge by its key): projection never makes two, so each one beyond the first is drift.
MATCH (a)-[r]->(b)
WITH a, b, type(r) AS type, coalesce(r.claim, r.key) AS key, count(*) AS n
WHERE n > 1
RETURN type, sum(n - 1) AS extra
