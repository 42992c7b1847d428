-- The next free send slot of each sender (microseconds since the epoch). A broadcast reserves one slot per message
-- with a single UPDATE ... RETURNING, so the pace survives restarts and is shared by every instance, and nothing
-- about it grows with the number of recipients.
CREATE TABLE IF NOT EXISTS send_pace (
    sender          VARCHAR(255) NOT NULL PRIMARY KEY,
    next_slot_micros BIGINT      NOT NULL
);
