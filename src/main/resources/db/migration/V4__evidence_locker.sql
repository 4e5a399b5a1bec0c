-- The evidence locker. Everything here is also in the journal (payloads of custody.received and the records'
-- entries); these tables make the questions of a write fast under the journal's lock and can be rebuilt from it.

-- The keys that have sealed protected identities here (by public fingerprint, never the key). Once a row exists,
-- start-up refuses to run without that key.
CREATE TABLE protection_key (
    key_id        TEXT        PRIMARY KEY,
    registered_at TIMESTAMPTZ NOT NULL
);

-- Every file held in the content-addressed store, by SHA-256, and the evidence item its bytes first arrived as.
CREATE TABLE stored_file (
    sha256      CHAR(64) PRIMARY KEY,
    size        BIGINT   NOT NULL CHECK (size >= 0),
    media_type  TEXT     NOT NULL,
    evidence_id TEXT     NOT NULL,
    stored_seq  BIGINT   NOT NULL
);

CREATE INDEX stored_file_evidence ON stored_file (evidence_id);

-- Which journal entries added or removed a citation of an evidence item (a claim's created or changed entry), so that
-- an item's custody report finds them without reading every claim.
CREATE TABLE evidence_citation (
    evidence_id TEXT   NOT NULL,
    seq         BIGINT NOT NULL,
    PRIMARY KEY (evidence_id, seq)
);
