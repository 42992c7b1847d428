package com.clientsms.saga.ledger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.MDC;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger in PostgreSQL ({@code send_attempt}). A new attempt is committed in a transaction of its own
 * (REQUIRES_NEW): the saga calls in from inside the event processor's transaction, and the attempt must be committed
 * before the carrier is called, not when (or if) that batch commits. Reads and outcomes go through the caller's
 * transaction, which saves a commit per message: an outcome lost with a rolled-back batch leaves the attempt
 * unresolved, and the next send looks the message up at the carrier instead of sending it again.
 */
@Component
class JdbcSendLedger implements SendLedger {

    /** The logging context's key for the id that follows a message from its request to its final status. */
    private static final String CORRELATION_KEY = "correlationId";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    JdbcSendLedger(DataSource dataSource, PlatformTransactionManager transactionManager) {
        this.jdbc = new JdbcTemplate(dataSource);
        PlatformTransactionManager manager = transactionManager instanceof DataSourceTransactionManager
                ? transactionManager
                : new DataSourceTransactionManager(dataSource);
        this.ownTransaction = new TransactionTemplate(manager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public List<SendAttempt> attempts(String messageId) {
        return jdbc.query(
                "select message_id, attempt, started_at, outcome, provider_message_id, error_code"
                        + " from send_attempt where message_id = ? order by attempt",
                (rs, row) -> new SendAttempt(
                        rs.getString(1),
                        rs.getInt(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getString(4) == null ? null : AttemptOutcome.valueOf(rs.getString(4)),
                        rs.getString(5),
                        rs.getString(6)),
                messageId);
    }

    @Override
    public String correlationId(String messageId) {
        List<String> ids = jdbc.queryForList(
                "select correlation_id from send_attempt where message_id = ? and correlation_id is not null"
                        + " order by attempt limit 1",
                String.class,
                messageId);
        return ids.isEmpty() ? null : ids.get(0);
    }

    @Override
    public int begin(String messageId, Instant startedAt) {
        String correlationId = MDC.get(CORRELATION_KEY);
        Integer attempt = ownTransaction.execute(status -> jdbc.queryForObject(
                "insert into send_attempt (message_id, attempt, started_at, correlation_id)"
                        + " select ?, coalesce(max(attempt), 0) + 1, ?, ? from send_attempt where message_id = ?"
                        + " returning attempt",
                Integer.class,
                messageId,
                Timestamp.from(startedAt),
                correlationId,
                messageId));
        return attempt;
    }

    @Override
    public void finish(
            String messageId,
            int attempt,
            AttemptOutcome outcome,
            String providerMessageId,
            String errorCode,
            Instant finishedAt) {
        jdbc.update(
                "update send_attempt set outcome = ?, provider_message_id = ?, error_code = ?, finished_at = ?"
                        + " where message_id = ? and attempt = ?",
                outcome.name(),
                providerMessageId,
                errorCode,
                Timestamp.from(finishedAt),
                messageId,
                attempt);
    }
}
