// Names across scripts: $query holds folded Latin words (NameKeys), with fuzzy and prefix terms. Only records the
// reader's cases see are matched, counted and ranked: another case's records are not there for this reader.
CALL db.index.fulltext.queryNodes('record_name_search', $query, {limit: 10000}) YIELD node, score
WHERE ($label IS NULL OR $label IN labels(node)) AND ($includeRetired OR node.retiredAt IS NULL)
  AND ($everyCase OR any(k IN node.cases WHERE k IN $cases))
RETURN node.id AS id, score
ORDER BY score DESC, node.id
SKIP $skip LIMIT $limit
