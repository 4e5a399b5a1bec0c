-- Cases as compartments (architecture.md): a case is the unit of access.

-- The organisation an account belongs to (a coalition's partners share one instance); an organisation's members see
-- only the cases they are members of, whatever their organisation.
ALTER TABLE account ADD COLUMN organisation TEXT;

-- Who is in a case, with what role there, from when and (a guest) until when. A membership is never deleted: ending it
-- sets ended_seq, so that who was a member when stays answerable. Journaled as case.member-added and case.member-ended.
CREATE TABLE case_member (
    case_id      TEXT        NOT NULL,
    account      TEXT        NOT NULL,
    organisation TEXT,
    role         TEXT        NOT NULL CHECK (role IN ('owner', 'counsel', 'analyst', 'viewer')),
    until        DATE,
    added_seq    BIGINT      NOT NULL,
    added_at     TIMESTAMPTZ NOT NULL,
    added_by     TEXT        NOT NULL,
    ended_seq    BIGINT,
    ended_at     TIMESTAMPTZ,
    ended_by     TEXT,
    PRIMARY KEY (case_id, account, added_seq)
);

-- At most one standing membership per account and case.
CREATE UNIQUE INDEX case_member_standing ON case_member (case_id, account) WHERE ended_seq IS NULL;
CREATE INDEX case_member_account ON case_member (account) WHERE ended_seq IS NULL;

-- Every record's home case (null only for records written before cases, until the upgrade adopts them into one).
ALTER TABLE record_state ADD COLUMN home_case TEXT;

-- The cases a record is visible in: its home; a case one of whose records names it (persons, units, incidents and the
-- other identities several cases may use; never evidence, sources or victims); a case it is shared into. A reader sees
-- a record when one of these is one of the reader's cases. Derived from the journal like record_state.
CREATE TABLE record_case (
    record_id TEXT NOT NULL,
    case_id   TEXT NOT NULL,
    how       TEXT NOT NULL CHECK (how IN ('home', 'named', 'shared')),
    PRIMARY KEY (record_id, case_id, how)
);

CREATE INDEX record_case_case ON record_case (case_id, record_id);
