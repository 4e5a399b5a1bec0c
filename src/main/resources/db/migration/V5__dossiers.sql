-- Dossiers as generated: one row per distinct dossier (subject, regime, audience, journal position and content).
-- The content is the exact JSON the PDF was drawn from (also attached inside the PDF); the PDF is kept as delivered,
-- and its SHA-256 lets anyone prove later that a submitted file is unchanged. A signed dossier is the drawn dossier
-- with a signature appended: unsigned_sha256 is the hash of the drawing, which regeneration reproduces. Each generation is also a journal entry
-- (dossier.generated), so the row can be checked against the hash-chained journal.
CREATE TABLE dossier (
    id            TEXT        PRIMARY KEY,
    subject       TEXT        NOT NULL,
    regime        TEXT        NOT NULL,
    audience      TEXT        NOT NULL,
    position      BIGINT      NOT NULL,
    version       INTEGER     NOT NULL CHECK (version > 0),
    author        TEXT        NOT NULL,
    generated_at  TIMESTAMPTZ NOT NULL,
    sha256        CHAR(64)    NOT NULL,
    unsigned_sha256 CHAR(64)  NOT NULL,
    signed_by     TEXT,
    content_hash  CHAR(64)    NOT NULL,
    pages         INTEGER     NOT NULL,
    size          BIGINT      NOT NULL,
    journal_seq   BIGINT      NOT NULL,
    content       BYTEA       NOT NULL,
    pdf           BYTEA       NOT NULL
);

CREATE INDEX dossier_subject ON dossier (subject, regime, audience, position);
