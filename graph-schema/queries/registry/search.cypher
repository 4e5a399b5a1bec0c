// Names across scripts: $query holds folded Latin words (NameKeys), with fuzzy and prefix terms.
CALL db.index.fulltext.queryNodes('record_name_search', $query, {limit: 1000}) YIELD node, score
WHERE ($label IS NULL OR $label IN labels(node)) AND ($includeRetired OR node.retiredAt IS NULL)
RETURN node.id AS id, score
ORDER BY score DESC, node.id
SKIP $skip LIMIT $limit
