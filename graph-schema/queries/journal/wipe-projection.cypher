// Everything the journal projected, in batches; the schema, its migration records and the projection's state stay.
MATCH (n) WHERE NOT n:SchemaMigration AND NOT n:ProjectionState
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
