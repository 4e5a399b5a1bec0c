MATCH (p:ProjectionState {id: 'journal'})
SET p.position = $seq
