-- Who may have an evidence item's bytes follows the most protected item that names them: a second record that names
-- the SHA-256 of a protected testimony must not open it. This table holds every live evidence item's SHA-256 (if it
-- names one) and confidentiality, written with the record's journal entry; like record_state it holds nothing the
-- journal does not.
CREATE TABLE evidence_access (
    evidence_id     TEXT     PRIMARY KEY,
    sha256          CHAR(64),
    confidentiality TEXT     NOT NULL
);

CREATE INDEX evidence_access_sha256 ON evidence_access (sha256) WHERE sha256 IS NOT NULL;

INSERT INTO evidence_access (evidence_id, sha256, confidentiality)
SELECT r.id, (j.payload::jsonb)->>'sha256', coalesce((j.payload::jsonb)->>'confidentiality', 'restricted')
FROM record_state r JOIN journal_entry j ON j.seq = r.content_seq
WHERE r.type = 'Evidence' AND r.retired_seq IS NULL;

-- Bytes once held by a protected item stay protected, whatever later happens to that item (its SHA-256 changed, the
-- item retired) while another record still names them; only a holder of the witness-protection grant lowering the
-- last protected item that names them releases them.
CREATE TABLE protected_bytes (
    sha256 CHAR(64) PRIMARY KEY
);

INSERT INTO protected_bytes (sha256)
SELECT DISTINCT sha256 FROM evidence_access WHERE confidentiality = 'protected' AND sha256 IS NOT NULL;
