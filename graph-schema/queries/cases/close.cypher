MATCH (c:Case {id: $id})
SET c.status = 'closed',
    c.closedAt = datetime($at),
    c.updatedAt = datetime($at),
    c.journalSeq = $seq
