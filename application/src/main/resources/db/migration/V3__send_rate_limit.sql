-- The per-staff send rate limit as a token bucket per member of staff, shared by every instance of the application:
-- one row per staff member, taken from with a single INSERT ... ON CONFLICT DO UPDATE ... RETURNING (one row lock for
-- one statement). Times are the database's, so instances with drifting clocks still agree.
CREATE TABLE send_rate_bucket (
    staff_id   VARCHAR(255)     NOT NULL PRIMARY KEY,
    tokens     DOUBLE PRECISION NOT NULL,
    updated_at TIMESTAMPTZ      NOT NULL,
    taken      BOOLEAN          NOT NULL
);
