-- Downloads are counted as viewings are: the first download of an item by an account on a day (UTC) is a journal entry
-- (custody.downloaded), further ones that day only count here, so that an image on a page fetched again and again
-- cannot grow the journal without bound.
ALTER TABLE evidence_viewing ADD COLUMN action TEXT NOT NULL DEFAULT 'viewed';
ALTER TABLE evidence_viewing DROP CONSTRAINT evidence_viewing_pkey;
ALTER TABLE evidence_viewing ADD PRIMARY KEY (evidence_id, actor, day, action);
