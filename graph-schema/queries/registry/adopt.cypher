// The records written before cases, and their claims' shortcuts, go into the upgrade's case ($case).
CALL () {
  MATCH (n:Record) WHERE n.cases IS NULL OR n.cases = []
  SET n.cases = [$case]
}
CALL () {
  MATCH ()-[r]->() WHERE r.claim IS NOT NULL AND (r.cases IS NULL OR r.cases = [])
  SET r.cases = [$case]
}
