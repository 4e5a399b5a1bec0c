// A case is the investigation that evidence, claims and dossiers belong to.
CREATE CONSTRAINT case_id_unique IF NOT EXISTS
FOR (c:Case) REQUIRE c.id IS UNIQUE;

CREATE INDEX case_status IF NOT EXISTS
FOR (c:Case) ON (c.status);
