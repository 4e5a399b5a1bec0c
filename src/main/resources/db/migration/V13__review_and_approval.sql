-- A dossier may be a draft that includes claims not yet reviewed; only a dossier that is not can be approved.
ALTER TABLE dossier ADD COLUMN draft BOOLEAN NOT NULL DEFAULT false;

-- Counsel's approval of a dossier for submission: the PDF drawn again with "approved by ... on ..." on its cover and
-- without the DRAFT marking, signed where a key is configured. Journaled as dossier.approved; never changed.
CREATE TABLE dossier_approval (
    dossier_id      TEXT        PRIMARY KEY REFERENCES dossier (id),
    approved_by     TEXT        NOT NULL,
    approved_at     TIMESTAMPTZ NOT NULL,
    journal_seq     BIGINT      NOT NULL,
    sha256          CHAR(64)    NOT NULL,
    unsigned_sha256 CHAR(64)    NOT NULL,
    signed_by       TEXT,
    pages           INTEGER     NOT NULL,
    size            BIGINT      NOT NULL,
    content         BYTEA       NOT NULL,
    pdf             BYTEA       NOT NULL
);

-- A job remembers whether it makes a draft.
ALTER TABLE dossier_job ADD COLUMN draft BOOLEAN NOT NULL DEFAULT false;
