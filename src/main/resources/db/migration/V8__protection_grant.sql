-- The witness-protection grant is no longer a role an administrator hands out: it is asked for (pending), consented to
-- by an existing holder (active), suspended by a reset of the holder's password until another holder restores it, or
-- withdrawn (none). The first holder is named at set-up, on the machine (users protection-officer).
ALTER TABLE account ADD COLUMN protection_grant TEXT NOT NULL DEFAULT 'none'
    CHECK (protection_grant IN ('none', 'pending', 'active', 'suspended'));

UPDATE account SET protection_grant = 'active', roles = array_remove(roles, 'witness-protection')
WHERE 'witness-protection' = ANY(roles);
