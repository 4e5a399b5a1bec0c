-- Viewings of an evidence item are custody, but a flood of reads must not grow the journal without bound: the first
-- viewing by an account on a day (UTC) is a journal entry (custody.viewed), and further viewings that day only count
-- here. The custody report shows the count beside the entry.
CREATE TABLE evidence_viewing (
    actor       TEXT    NOT NULL,
    evidence_id TEXT    NOT NULL,
    day         DATE    NOT NULL,
    views       BIGINT  NOT NULL CHECK (views > 0),
    PRIMARY KEY (evidence_id, actor, day)
);
