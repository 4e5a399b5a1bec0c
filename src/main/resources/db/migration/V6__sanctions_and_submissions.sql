-- Sanctions lists as a user downloaded and imported them (OpenSanctions targets.simple.csv, FollowTheMoney entity
-- files with Sanction entities). A list is known by the name it is imported under; each import of it is a row of
-- sanction_list_import, journaled as sanctions.list-imported with the file's SHA-256. The entries hold what the
-- newest import says; an entry missing from a newer import stays, marked off the list (delisted), and every
-- difference between two imports is a row of sanction_list_change. The lists are reference data from outside:
-- they are not claims of the investigation, so they are not records of the graph. What an analyst decides about
-- them (a ListMatch) and the designations that follow (Sanction) are records.
CREATE TABLE sanction_list_import (
    id           BIGSERIAL   PRIMARY KEY,
    list_name    TEXT        NOT NULL,
    format       TEXT        NOT NULL CHECK (format IN ('targets-simple-csv', 'ftm')),
    file_name    TEXT,
    sha256       CHAR(64)    NOT NULL,
    list_date    DATE,
    imported_at  TIMESTAMPTZ NOT NULL,
    imported_by  TEXT        NOT NULL,
    entries      INTEGER     NOT NULL,
    listed       INTEGER     NOT NULL,
    delisted     INTEGER     NOT NULL,
    changed      INTEGER     NOT NULL,
    unchanged    INTEGER     NOT NULL,
    journal_seq  BIGINT      NOT NULL
);

CREATE INDEX sanction_list_import_name ON sanction_list_import (list_name, id);

CREATE TABLE sanction_list_entry (
    list_name     TEXT     NOT NULL,
    entry_id      TEXT     NOT NULL,
    schema_name   TEXT     NOT NULL,
    caption       TEXT     NOT NULL,
    content       TEXT     NOT NULL,
    content_hash  CHAR(64) NOT NULL,
    on_list       BOOLEAN  NOT NULL,
    first_import  BIGINT   NOT NULL REFERENCES sanction_list_import (id),
    last_import   BIGINT   NOT NULL REFERENCES sanction_list_import (id),
    PRIMARY KEY (list_name, entry_id)
);

-- Blocking keys of the entries' names (see sanctions/NameFolding#keys): each folded name word whole ('=' and the
-- word) and its first and last four letters with its length. Candidates for a person are the entries sharing the
-- most keys with one of the person's names (looked up by key, across every list), then scored in full.
CREATE TABLE sanction_list_key (
    list_name TEXT NOT NULL,
    key       TEXT NOT NULL,
    entry_id  TEXT NOT NULL,
    PRIMARY KEY (key, list_name, entry_id)
);

CREATE INDEX sanction_list_key_entry ON sanction_list_key (list_name, entry_id);

CREATE TABLE sanction_list_change (
    import_id BIGINT NOT NULL REFERENCES sanction_list_import (id),
    list_name TEXT   NOT NULL,
    entry_id  TEXT   NOT NULL,
    change    TEXT   NOT NULL CHECK (change IN ('listed', 'delisted', 'changed', 'relisted')),
    caption   TEXT   NOT NULL
);

CREATE INDEX sanction_list_change_import ON sanction_list_change (import_id);

-- Which dossier version (by its SHA-256) went to which authority, when and by whom, and what came back. Each
-- submission and each response is also a journal entry (submission.recorded, submission.response).
CREATE TABLE submission (
    id             TEXT        PRIMARY KEY,
    dossier_id     TEXT        NOT NULL REFERENCES dossier (id),
    dossier_sha256 CHAR(64)    NOT NULL,
    subject        TEXT        NOT NULL,
    regime         TEXT        NOT NULL,
    authority      TEXT        NOT NULL,
    submitted_on   DATE        NOT NULL,
    submitted_by   TEXT        NOT NULL,
    channel        TEXT,
    reference      TEXT,
    note           TEXT,
    status         TEXT        NOT NULL CHECK (status IN ('submitted', 'acknowledged', 'under-review', 'designated', 'rejected')),
    status_on      DATE        NOT NULL,
    recorded_at    TIMESTAMPTZ NOT NULL,
    journal_seq    BIGINT      NOT NULL
);

CREATE INDEX submission_subject ON submission (subject, submitted_on);

CREATE TABLE submission_response (
    submission_id TEXT        NOT NULL REFERENCES submission (id),
    seq           INTEGER     NOT NULL,
    status        TEXT        NOT NULL CHECK (status IN ('acknowledged', 'under-review', 'designated', 'rejected')),
    received_on   DATE        NOT NULL,
    summary       TEXT,
    evidence      TEXT,
    sanction      TEXT,
    recorded_by   TEXT        NOT NULL,
    recorded_at   TIMESTAMPTZ NOT NULL,
    journal_seq   BIGINT      NOT NULL,
    PRIMARY KEY (submission_id, seq)
);
