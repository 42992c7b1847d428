-- One row per attempt to hand a message to the carrier, written and committed before the carrier is called.
-- The carrier has no idempotency key: an attempt without an outcome (a crash, a rollback) or with an ambiguous one
-- means "look the message up before sending again"; an accepted attempt means "never send again".
CREATE TABLE IF NOT EXISTS send_attempt (
    message_id          VARCHAR(255)             NOT NULL,
    attempt             INTEGER                  NOT NULL,
    started_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome             VARCHAR(32),
    provider_message_id VARCHAR(255),
    error_code          VARCHAR(64),
    finished_at         TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (message_id, attempt)
);
