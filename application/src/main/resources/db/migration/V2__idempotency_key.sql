-- Idempotency-Key of the send endpoints: the first request with a key claims the row (INSERT ... ON CONFLICT DO
-- NOTHING), its answer is stored when it finishes, later requests with the same key get that answer back.
CREATE TABLE idempotency_key (
    staff_id     VARCHAR(255) NOT NULL,
    idem_key     VARCHAR(255) NOT NULL,
    request_hash VARCHAR(64)  NOT NULL,
    status       INTEGER,
    content_type VARCHAR(255),
    body         BYTEA,
    created_at   TIMESTAMPTZ  NOT NULL,
    expires_at   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (staff_id, idem_key)
);

CREATE INDEX idempotency_key_expires_at ON idempotency_key (expires_at);
