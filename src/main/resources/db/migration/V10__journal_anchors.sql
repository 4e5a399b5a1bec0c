-- Positions of the journal that left the machine: the journal hash printed in every dossier (and so in every
-- submission of it), and RFC 3161 time-stamp tokens of the head signed by an outside authority. journal verify checks
-- the chain against each, and against anchors a user brings from outside (a dossier PDF, a noted hash): a history
-- rewritten on this machine, hashes and all, no longer matches what was given away or signed elsewhere.
CREATE TABLE journal_anchor (
    seq         BIGINT      NOT NULL CHECK (seq > 0),
    hash        CHAR(64)    NOT NULL,
    source      TEXT        NOT NULL CHECK (source IN ('dossier', 'submission', 'rfc3161')),
    label       TEXT        NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL,
    token       BYTEA,
    PRIMARY KEY (source, label, seq)
);

CREATE INDEX journal_anchor_seq ON journal_anchor (seq);

-- dossiers and submissions made before anchors were recorded are anchors too
INSERT INTO journal_anchor (seq, hash, source, label, recorded_at)
SELECT d.position, j.hash, 'dossier', d.id, now()
FROM dossier d JOIN journal_entry j ON j.seq = d.position
ON CONFLICT DO NOTHING;
