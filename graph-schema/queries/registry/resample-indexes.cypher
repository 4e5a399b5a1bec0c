// After a bulk write: bring the index statistics up to date, so that the planner sees the graph's new size.
CALL db.resampleOutdatedIndexes()
