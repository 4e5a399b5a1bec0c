// How far the journal has been projected, whether a rebuild is under way, and the graph's generation (one more at
// each rebuild): what a reader checks before and after it reads, so that it never answers from a partial graph. The
// format says how the graph was projected (2: every edge keyed); a graph of an earlier format is rebuilt.
OPTIONAL MATCH (p:ProjectionState {id: 'journal'})
RETURN coalesce(p.position, 0) AS position, coalesce(p.rebuilding, false) AS rebuilding,
       coalesce(p.generation, 0) AS generation, coalesce(p.format, 1) AS format
