-- A government-confidential dossier may annex protected items: it prints their SHA-256, which no other dossier does,
-- so it goes only to holders of the witness-protection grant. The ids of the items it annexes, on the dossier and on
-- the job that makes it.
ALTER TABLE dossier ADD COLUMN annexed TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE dossier_job ADD COLUMN annexed TEXT[] NOT NULL DEFAULT '{}';
