-- Tokens ended before they expired: a sign-out ends the token it was made with, on every instance (each reads this
-- table with the account's state). A row is needed only until the token would have expired anyway.
CREATE TABLE ended_token (
    jti        TEXT        PRIMARY KEY,
    username   TEXT        NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX ended_token_username ON ended_token (lower(username), expires_at);
