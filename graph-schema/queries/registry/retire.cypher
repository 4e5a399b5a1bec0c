// A retired record stays in the graph with who retired it, when and why; a retired claim loses its shortcut,
// so that chains of command and liability paths no longer walk through it.
UNWIND $rows AS row
MATCH (n:Record {id: row.id})
CALL (n) {
  MATCH (n)-->(:Record)-[s]->()
  WHERE s.claim = n.id
  DELETE s
}
SET n.retiredAt = row.at, n.retiredBy = row.actor, n.retiredReason = row.reason, n.retiredSeq = row.seq,
    n.updatedSeq = row.seq
