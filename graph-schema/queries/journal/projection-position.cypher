OPTIONAL MATCH (p:ProjectionState {id: 'journal'})
RETURN coalesce(p.position, 0) AS position
