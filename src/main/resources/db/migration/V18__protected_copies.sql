-- The arrivals of bytes that joined an item already there (a copy of a file held, or the file of an item recorded
-- earlier): the holders of the witness-protection grant are shown those of protected items, newest first.
CREATE INDEX journal_entry_matched_arrivals ON journal_entry (seq)
    WHERE kind = 'custody.received' AND (payload LIKE '%"duplicate":true%' OR payload LIKE '%"matched":true%');
