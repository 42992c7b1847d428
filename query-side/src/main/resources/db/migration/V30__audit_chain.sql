-- The audit trail's hash chain, one chain per practice, built in global event order from the rows of
-- domainevententry: hash_n = SHA-256(hash_{n-1} || canonical bytes of event n). Verification recomputes it from the
-- event store and compares. Rows are only ever inserted.
CREATE TABLE IF NOT EXISTS audit_chain (
    practice_id      VARCHAR(255) NOT NULL,
    position         BIGINT       NOT NULL,
    global_index     BIGINT       NOT NULL,
    event_identifier VARCHAR(255) NOT NULL,
    hash             CHAR(64)     NOT NULL,
    PRIMARY KEY (practice_id, position),
    UNIQUE (event_identifier)
);

-- How far the chain recorder has read the event store (gaps it decided were permanent included).
CREATE TABLE IF NOT EXISTS audit_chain_progress (
    id                INTEGER NOT NULL PRIMARY KEY,
    last_global_index BIGINT  NOT NULL
);
