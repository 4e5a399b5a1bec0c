// A rebuild begins: readers on every instance answer 503 until it ends, and the next generation of the graph starts
// from position 0.
MERGE (p:ProjectionState {id: 'journal'})
SET p.rebuilding = true, p.position = 0, p.generation = coalesce(p.generation, 0) + 1
RETURN p.generation AS generation
