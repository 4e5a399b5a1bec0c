// The bookkeeping of the graph itself: applied migrations, and how far the journal has been projected.
CREATE CONSTRAINT schema_migration_version_unique IF NOT EXISTS
FOR (m:SchemaMigration) REQUIRE m.version IS UNIQUE;

CREATE CONSTRAINT projection_state_id_unique IF NOT EXISTS
FOR (p:ProjectionState) REQUIRE p.id IS UNIQUE;
