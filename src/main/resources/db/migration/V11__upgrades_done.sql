-- One-off upgrades of what earlier versions wrote (run at start-up, journaled themselves): each runs once, so that a
-- large instance does not scan its records at every start.
CREATE TABLE upgrade_done (
    name    TEXT        PRIMARY KEY,
    done_at TIMESTAMPTZ NOT NULL
);
