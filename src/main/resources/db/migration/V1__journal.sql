-- The journal: every change to Chainline's knowledge, append-only and hash-chained.
-- Each entry's hash covers its own fields and the hash of the entry before it, so altering,
-- removing or reordering any stored entry breaks the chain at that point.
CREATE TABLE journal_entry (
    seq         BIGINT      PRIMARY KEY CHECK (seq > 0),
    recorded_at TIMESTAMPTZ NOT NULL,
    actor       TEXT        NOT NULL,
    kind        TEXT        NOT NULL,
    target_id   TEXT        NOT NULL,
    payload     TEXT        NOT NULL,
    reason      TEXT,
    prev_hash   CHAR(64)    NOT NULL,
    hash        CHAR(64)    NOT NULL UNIQUE
);

CREATE INDEX journal_entry_target ON journal_entry (target_id, seq);

-- The head is the one row every append locks, which serialises appends and keeps seq gapless.
CREATE TABLE journal_head (
    id   SMALLINT PRIMARY KEY CHECK (id = 1),
    seq  BIGINT   NOT NULL,
    hash CHAR(64) NOT NULL
);

INSERT INTO journal_head (id, seq, hash) VALUES (1, 0, repeat('0', 64));

CREATE FUNCTION journal_entry_is_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'journal entries are append-only: % is not allowed', TG_OP;
END;
$$;

CREATE TRIGGER journal_entry_no_update_or_delete
    BEFORE UPDATE OR DELETE ON journal_entry
    FOR EACH ROW EXECUTE FUNCTION journal_entry_is_append_only();

CREATE TRIGGER journal_entry_no_truncate
    BEFORE TRUNCATE ON journal_entry
    FOR EACH STATEMENT EXECUTE FUNCTION journal_entry_is_append_only();
