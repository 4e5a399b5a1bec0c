MATCH (c:Case {id: $id})
SET c.title = coalesce($title, c.title),
    c.summary = coalesce($summary, c.summary),
    c.updatedAt = datetime($at),
    c.journalSeq = $seq
