// After a bulk write: forget plans made for the graph's old size (a walk planned for an empty index is slow).
CALL db.clearQueryCaches()
