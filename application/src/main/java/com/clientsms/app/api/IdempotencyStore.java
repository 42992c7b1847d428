package com.clientsms.app.api;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Idempotency keys in PostgreSQL (table idempotency_key, Flyway V2), so a replay is recognised after a restart too.
 * A key is claimed by inserting its row before the request runs: of two concurrent duplicates exactly one insert
 * wins; the answer is stored once the request is done.
 */
class IdempotencyStore {

    private static final long PURGE_EVERY_MILLIS = 60_000;

    private final JdbcTemplate jdbc;
    private final Duration ttl;
    private final Clock clock;
    private final AtomicLong lastPurge = new AtomicLong();

    IdempotencyStore(JdbcTemplate jdbc, Duration ttl, Clock clock) {
        this.jdbc = jdbc;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** What a key already holds: the request it was first used for and, once that finished, its answer. */
    record Entry(String requestHash, Integer status, String contentType, byte[] body) {
        boolean inFlight() {
            return status == null;
        }
    }

    /** Claims the key for this request; answers empty when it was free, or what the key already holds. */
    Optional<Entry> claim(String staffId, String key, String requestHash) {
        Instant now = clock.instant();
        purgeExpired(now);
        jdbc.update(
                "DELETE FROM idempotency_key WHERE staff_id = ? AND idem_key = ? AND expires_at <= ?",
                staffId,
                key,
                Timestamp.from(now));
        int inserted = jdbc.update(
                """
                INSERT INTO idempotency_key (staff_id, idem_key, request_hash, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (staff_id, idem_key) DO NOTHING
                """,
                staffId,
                key,
                requestHash,
                Timestamp.from(now),
                Timestamp.from(now.plus(ttl)));
        if (inserted == 1) {
            return Optional.empty();
        }
        return jdbc
                .query(
                        "SELECT request_hash, status, content_type, body FROM idempotency_key"
                                + " WHERE staff_id = ? AND idem_key = ?",
                        (rs, row) -> new Entry(
                                rs.getString("request_hash"),
                                (Integer) rs.getObject("status"),
                                rs.getString("content_type"),
                                rs.getBytes("body")),
                        staffId,
                        key)
                .stream()
                .findFirst()
                // Deleted between our insert and our read (expired at that very moment): treat as in flight.
                .or(() -> Optional.of(new Entry(requestHash, null, null, null)));
    }

    void complete(String staffId, String key, int status, String contentType, byte[] body) {
        jdbc.update(
                "UPDATE idempotency_key SET status = ?, content_type = ?, body = ? WHERE staff_id = ? AND idem_key = ?",
                status,
                contentType,
                body,
                staffId,
                key);
    }

    /** Gives the key back, for answers that say "try again" (rate limit, conflict, our own failure). */
    void release(String staffId, String key) {
        jdbc.update("DELETE FROM idempotency_key WHERE staff_id = ? AND idem_key = ?", staffId, key);
    }

    private void purgeExpired(Instant now) {
        long last = lastPurge.get();
        if (now.toEpochMilli() - last >= PURGE_EVERY_MILLIS && lastPurge.compareAndSet(last, now.toEpochMilli())) {
            jdbc.update("DELETE FROM idempotency_key WHERE expires_at <= ?", Timestamp.from(now));
        }
    }
}
