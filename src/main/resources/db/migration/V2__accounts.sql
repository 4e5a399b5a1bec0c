-- Local accounts. Passwords are stored only as Argon2id hashes (PHC string format).
CREATE TABLE account (
    id                   UUID        PRIMARY KEY,
    username             TEXT        NOT NULL,
    password_hash        TEXT        NOT NULL,
    roles                TEXT[]      NOT NULL,
    must_change_password BOOLEAN     NOT NULL,
    disabled             BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at           TIMESTAMPTZ NOT NULL,
    password_changed_at  TIMESTAMPTZ NOT NULL
);

CREATE UNIQUE INDEX account_username_unique ON account (lower(username));
