MERGE (p:ProjectionState {id: 'journal'})
SET p.position = CASE WHEN coalesce(p.position, 0) < $seq THEN $seq ELSE p.position END
