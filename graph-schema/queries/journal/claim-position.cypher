// The first statement of every projecting transaction: writing the state node takes its lock, so projectors
// (on any instance) apply one batch at a time, and the position read after it is the last one committed. A
// projector that finds another position than the one it read before (another instance advanced it) applies nothing.
MERGE (p:ProjectionState {id: 'journal'})
SET p.batches = coalesce(p.batches, 0) + 1
RETURN coalesce(p.position, 0) AS position, coalesce(p.rebuilding, false) AS rebuilding
