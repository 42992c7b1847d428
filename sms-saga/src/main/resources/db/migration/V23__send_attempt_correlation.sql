-- The correlation id of the request that asked for the message, written with the attempt. The attempt is committed
-- before the carrier is called, so it is there before any status callback can arrive, which then continues the
-- request's id in its own log lines.
ALTER TABLE send_attempt ADD COLUMN IF NOT EXISTS correlation_id VARCHAR(255);
