package com.clientsms.query.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Extends each practice's hash chain with the events appended to the event store since it last looked, strictly in
 * global index order, reading the stored rows themselves (never re-serialised messages).
 *
 * <p>A global index can become visible after a higher one (two transactions committing out of order). The recorder
 * therefore stops at a gap until the event after it is older than {@code clientsms.audit.chain.gap-timeout}; a gap
 * that is still empty by then belongs to a rolled-back transaction and is passed over. An event that shows up later
 * in such a gap was never chained, and verification reports it as inserted.
 *
 * <p>The chain and the recorder's position are written in one PostgreSQL transaction, under an advisory lock, so
 * several application instances never chain the same event twice.
 */
@Component
public class AuditChainRecorder implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditChainRecorder.class);
    private static final long LOCK_KEY = 0x6175646974L;
    private static final int BATCH = 1_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Duration interval;
    private final Duration gapTimeout;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    @Autowired
    public AuditChainRecorder(
            DataSource dataSource,
            @Value("${clientsms.audit.chain.interval:1s}") Duration interval,
            @Value("${clientsms.audit.chain.gap-timeout:10s}") Duration gapTimeout) {
        this(dataSource, interval, gapTimeout, Clock.systemUTC());
    }

    AuditChainRecorder(DataSource dataSource, Duration interval, Duration gapTimeout, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.interval = interval;
        this.gapTimeout = gapTimeout;
        this.clock = clock;
    }

    /** Chains everything that has settled; returns the number of events added to a chain. */
    public int catchUp() {
        int total = 0;
        int chained;
        do {
            Integer batch = transactions.execute(status -> chainNextBatch());
            chained = batch == null ? 0 : batch;
            total += chained;
        } while (chained > 0);
        return total;
    }

    /** The number of rows read past (chained or not); 0 when another recorder holds the lock. */
    private int chainNextBatch() {
        Boolean locked = jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, LOCK_KEY);
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        long last = lastGlobalIndex();
        List<EventRow> rows = jdbc.query(
                "select " + EventRow.COLUMNS + " from domainevententry where globalindex > ? order by globalindex"
                        + " limit " + BATCH,
                (rs, n) -> EventRow.read(rs),
                last);
        Map<String, Head> heads = new HashMap<>();
        int readPast = 0;
        long position = last;
        for (EventRow row : rows) {
            if (row.globalIndex() > position + 1 && !settled(row)) {
                break;
            }
            String practiceId = row.practiceId();
            if (practiceId != null) {
                Head head = heads.computeIfAbsent(practiceId, this::head);
                String hash = row.chain(head.hash());
                jdbc.update(
                        "insert into audit_chain (practice_id, position, global_index, event_identifier, hash)"
                                + " values (?, ?, ?, ?, ?)",
                        practiceId,
                        head.position() + 1,
                        row.globalIndex(),
                        row.eventIdentifier(),
                        hash);
                heads.put(practiceId, new Head(head.position() + 1, hash));
            }
            position = row.globalIndex();
            readPast++;
        }
        if (position > last) {
            jdbc.update(
                    "insert into audit_chain_progress (id, last_global_index) values (1, ?)"
                            + " on conflict (id) do update set last_global_index = excluded.last_global_index",
                    position);
        }
        return readPast;
    }

    /** The event after a gap is old enough that the gap will not be filled any more. */
    private boolean settled(EventRow afterGap) {
        try {
            return Instant.parse(afterGap.timestamp()).isBefore(clock.instant().minus(gapTimeout));
        } catch (DateTimeParseException unreadable) {
            return true;
        }
    }

    long lastGlobalIndex() {
        List<Long> last =
                jdbc.queryForList("select last_global_index from audit_chain_progress where id = 1", Long.class);
        return last.isEmpty() ? 0 : last.get(0);
    }

    private Head head(String practiceId) {
        return jdbc
                .query(
                        "select position, hash from audit_chain where practice_id = ? order by position desc limit 1",
                        (rs, n) -> new Head(rs.getLong("position"), rs.getString("hash")),
                        practiceId)
                .stream()
                .findFirst()
                .orElse(new Head(0, EventRow.GENESIS));
    }

    private record Head(long position, String hash) {}

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "audit-chain-recorder");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            int chained = catchUp();
            if (chained > 0) {
                log.debug("Audit chain extended past {} events", chained);
            }
        } catch (RuntimeException e) {
            // The next tick retries from the recorded position; nothing half-written survives the rollback.
            log.warn("Audit chain recorder could not extend the chain: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
