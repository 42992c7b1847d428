package com.clientsms.saga.pacing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps each sender's next free slot in one PostgreSQL row ({@code send_pace}) and reserves slots with one atomic
 * upsert ... RETURNING, so the pace is shared by every instance and survives restarts. Each reservation commits on its
 * own: the row lock is held for one statement, not for the event batch that asked (a rolled-back batch leaves an
 * unused slot behind, which only slows the broadcast by one slot).
 */
@Component
@EnableConfigurationProperties(PacingProperties.class)
class JdbcSendPacer implements SendPacer {

    private final PacingProperties properties;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    JdbcSendPacer(PacingProperties properties, DataSource dataSource) {
        this.properties = properties;
        this.jdbc = new JdbcTemplate(dataSource);
        this.ownTransaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public Optional<Instant> reserve(int segments, Instant notBefore) {
        if (properties.unlimited()) {
            return Optional.empty();
        }
        long slot = properties.slotMicros(segments);
        long earliest = ChronoUnit.MICROS.between(Instant.EPOCH, notBefore);
        Long end = ownTransaction.execute(status -> jdbc.queryForObject(
                "insert into send_pace as p (sender, next_slot_micros) values (?, ? + ?)"
                        + " on conflict (sender) do update"
                        + " set next_slot_micros = greatest(p.next_slot_micros, ?) + ?"
                        + " returning next_slot_micros",
                Long.class,
                properties.sender(),
                earliest,
                slot,
                earliest,
                slot));
        return Optional.of(Instant.EPOCH.plus(end - slot, ChronoUnit.MICROS));
    }
}
