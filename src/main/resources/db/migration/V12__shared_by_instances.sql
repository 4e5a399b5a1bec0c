-- What several instances on one database must share.

-- Dossier generation jobs: any instance takes a queued job, any instance reports any job. A running job's heartbeat
-- moves while its instance works on it; one whose heartbeat stopped (its instance was stopped or killed) is failed
-- with the reason by the next instance that looks.
CREATE TABLE dossier_job (
    id           TEXT        PRIMARY KEY,
    actor        TEXT        NOT NULL,
    subject      TEXT        NOT NULL,
    regime       TEXT        NOT NULL,
    audience     TEXT        NOT NULL,
    state        TEXT        NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
    stage        TEXT        NOT NULL,
    percent      INTEGER     NOT NULL CHECK (percent BETWEEN 0 AND 100),
    dossier_id   TEXT        REFERENCES dossier (id),
    existed      BOOLEAN,
    error        TEXT,
    instance     TEXT,
    created_at   TIMESTAMPTZ NOT NULL,
    heartbeat_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX dossier_job_open ON dossier_job (state, created_at) WHERE state IN ('queued', 'running');

-- The last comparison of the graph with what the journal implies (graph check), as every instance's /health reports it.
CREATE TABLE graph_check (
    id         SMALLINT    PRIMARY KEY CHECK (id = 1),
    checked_at TIMESTAMPTZ NOT NULL,
    report     TEXT        NOT NULL
);
