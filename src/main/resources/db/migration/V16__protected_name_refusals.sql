-- A refused protected name is journaled against the account that wrote it (target account:<username>), and so is a
-- holder's restoring of that account's free-text writing: both are counted and listed often, so they are indexed.
CREATE INDEX journal_entry_protection_refusals ON journal_entry (target_id, seq)
    WHERE kind IN ('protection.name-refused', 'protection.writing-restored');
