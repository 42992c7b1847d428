package com.clientsms.app.api;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Token buckets of the send rate limit in PostgreSQL (table send_rate_bucket, Flyway V3), so the limit holds for all
 * instances together rather than per instance, and survives a restart. A bucket holds at most the per-minute
 * allowance, refills evenly over the minute, and is taken from atomically by one upsert on the staff member's row.
 */
class SendRateLimits {

    /**
     * In DO UPDATE every b.* is the row as locked for this statement (the latest committed version), so concurrent takes
     * queue on the row and each sees the tokens the previous one left.
     */
    private static final String TAKE =
            """
            INSERT INTO send_rate_bucket AS b (staff_id, tokens, updated_at, taken)
            VALUES (?, %1$s - 1, clock_timestamp(), TRUE)
            ON CONFLICT (staff_id) DO UPDATE SET
                tokens = CASE WHEN %2$s >= 1 THEN %2$s - 1 ELSE %2$s END,
                updated_at = GREATEST(b.updated_at, EXCLUDED.updated_at),
                taken = %2$s >= 1
            RETURNING b.taken, b.tokens
            """;

    private static final String REFILLED =
            "LEAST(%1$s, b.tokens + GREATEST(0, EXTRACT(EPOCH FROM (EXCLUDED.updated_at - b.updated_at))) * 1000 * %2$s)";

    private final JdbcTemplate jdbc;
    private final int perMinute;
    private final double perMilli;
    private final String take;

    SendRateLimits(JdbcTemplate jdbc, int perMinute) {
        this.jdbc = jdbc;
        this.perMinute = perMinute;
        this.perMilli = perMinute / 60_000.0;
        // Numbers from configuration, not from requests, formatted into the statement.
        String capacity = Integer.toString(perMinute);
        this.take = TAKE.formatted(capacity, REFILLED.formatted(capacity, Double.toString(perMilli)));
    }

    int perMinute() {
        return perMinute;
    }

    /** Takes one send from the staff member's bucket and answers 0, or how many milliseconds until one is there. */
    long take(String staffId) {
        return jdbc.queryForObject(
                take,
                (rs, row) -> rs.getBoolean("taken") ? 0L : (long) Math.ceil((1 - rs.getDouble("tokens")) / perMilli),
                staffId);
    }
}
