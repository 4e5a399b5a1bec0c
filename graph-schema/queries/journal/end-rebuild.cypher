// The rebuilt graph has caught up with the journal: readers may read it. It is of this version's format.
MATCH (p:ProjectionState {id: 'journal'})
SET p.rebuilding = false, p.format = $format
