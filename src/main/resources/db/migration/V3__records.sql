-- The current state of every record of the accountability model (persons, units, claims...), written in the
-- same transaction as the journal entries that change it. It lets a write check, under the journal's lock,
-- that the records it refers to exist, have the right type and are not retired, and lets an import tell an
-- unchanged line from a changed one. It holds nothing the journal does not: replaying the journal gives it.
-- The record's content is the payload of the entry at content_seq (the last that created or changed it).
CREATE TABLE record_state (
    id           TEXT     PRIMARY KEY,
    type         TEXT     NOT NULL,
    content_seq  BIGINT   NOT NULL,
    content_hash CHAR(64) NOT NULL,
    version      INTEGER  NOT NULL CHECK (version > 0),
    created_seq  BIGINT   NOT NULL,
    updated_seq  BIGINT   NOT NULL,
    retired_seq  BIGINT
);

CREATE INDEX record_state_type ON record_state (type, id);
