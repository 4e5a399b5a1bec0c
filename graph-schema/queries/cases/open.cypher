MERGE (c:Case {id: $id})
SET c.title = $title,
    c.summary = $summary,
    c.status = 'open',
    c.openedAt = datetime($at),
    c.openedBy = $actor,
    c.updatedAt = datetime($at),
    c.journalSeq = $seq
