package com.clientsms.saga.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientsms.saga.gateway.DeliveryReport;
import com.clientsms.saga.gateway.OutboundSms;
import com.clientsms.saga.gateway.SendOutcome;
import com.clientsms.saga.gateway.SmsGateway;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The ledger against a real PostgreSQL with the module's migrations. */
class JdbcSendLedgerTest {

    private static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;
    private static DataSourceTransactionManager transactions;

    private final String messageId = "msg-" + UUID.randomUUID();
    private final JdbcSendLedger ledger = new JdbcSendLedger(dataSource, transactions);

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        dataSource = postgres.getPostgresDatabase();
        transactions = new DataSourceTransactionManager(dataSource);
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Test
    void attemptsAreNumberedAndReadBackInOrderWithTheirOutcomes() {
        int first = ledger.begin(messageId, AT);
        ledger.finish(messageId, first, AttemptOutcome.TRANSIENT_FAILURE, null, "20429", AT.plusSeconds(1));
        int second = ledger.begin(messageId, AT.plusSeconds(5));
        ledger.finish(messageId, second, AttemptOutcome.ACCEPTED, "SM1", null, AT.plusSeconds(6));

        assertThat(ledger.attempts(messageId))
                .containsExactly(
                        new SendAttempt(messageId, 1, AT, AttemptOutcome.TRANSIENT_FAILURE, null, "20429"),
                        new SendAttempt(messageId, 2, AT.plusSeconds(5), AttemptOutcome.ACCEPTED, "SM1", null));
    }

    @Test
    void aCallbackFindsTheCorrelationIdOfTheRequestThatAskedForTheMessage() {
        assertThat(ledger.correlationId(messageId)).as("before any attempt").isNull();
        MDC.put("correlationId", "req-42");
        try {
            ledger.begin(messageId, AT);
        } finally {
            MDC.remove("correlationId");
        }
        ledger.begin(messageId, AT.plusSeconds(5));

        assertThat(ledger.correlationId(messageId)).isEqualTo("req-42");
    }

    @Test
    void attemptIsRecordedEvenWhenTheCallersTransactionRollsBack() {
        TransactionTemplate eventBatch = new TransactionTemplate(transactions);
        eventBatch.executeWithoutResult(status -> {
            ledger.begin(messageId, AT);
            status.setRollbackOnly();
        });

        assertThat(ledger.attempts(messageId)).singleElement().satisfies(attempt -> {
            assertThat(attempt.attempt()).isOne();
            assertThat(attempt.outcome()).isNull();
        });
    }

    @Test
    void outcomeLostWithARolledBackBatchIsLookedUpAtTheCarrierAndNotSentAgain() {
        RecordingGateway carrier = new RecordingGateway(new SendOutcome.Accepted("SM1", AT));
        OnceOnlySender sender = new OnceOnlySender(ledger, carrier);
        TransactionTemplate eventBatch = new TransactionTemplate(transactions);
        eventBatch.executeWithoutResult(status -> {
            sender.send(sms());
            status.setRollbackOnly();
        });

        SendOutcome again = sender.send(sms());

        assertThat(carrier.sent).hasSize(1);
        assertThat(carrier.lookedUpSince).hasSize(1);
        assertThat(again).isInstanceOf(SendOutcome.Accepted.class);
        assertThat(ledger.attempts(messageId))
                .extracting(SendAttempt::outcome, SendAttempt::providerMessageId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AttemptOutcome.ACCEPTED, "SM1"));
    }

    @Test
    void attemptWithoutAnOutcomeIsLookedUpAndNotSentAgainWhenTheCarrierHasIt() {
        ledger.begin(messageId, AT);
        RecordingGateway carrier = new RecordingGateway(new SendOutcome.Accepted("SMfound", AT.plusSeconds(1)));

        SendOutcome outcome = new OnceOnlySender(ledger, carrier).send(sms());

        assertThat(outcome).isEqualTo(new SendOutcome.Accepted("SMfound", AT.plusSeconds(1)));
        assertThat(carrier.sent).isEmpty();
        assertThat(carrier.lookedUpSince).containsExactly(AT);
        assertThat(ledger.attempts(messageId))
                .extracting(SendAttempt::outcome, SendAttempt::providerMessageId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AttemptOutcome.ACCEPTED, "SMfound"));
    }

    @Test
    void attemptWithoutAnOutcomeUnknownToTheCarrierIsSentOnceMore() {
        ledger.begin(messageId, AT);
        RecordingGateway carrier = new RecordingGateway(null);

        new OnceOnlySender(ledger, carrier).send(sms());

        assertThat(carrier.sent).hasSize(1);
        assertThat(ledger.attempts(messageId))
                .extracting(SendAttempt::outcome)
                .containsExactly(AttemptOutcome.NOT_FOUND, AttemptOutcome.ACCEPTED);
    }

    @Test
    void acceptedMessageIsNeverHandedToTheCarrierAgain() {
        RecordingGateway carrier = new RecordingGateway(null);
        OnceOnlySender sender = new OnceOnlySender(ledger, carrier);

        sender.send(sms());
        sender.send(sms());
        sender.send(sms());

        assertThat(carrier.sent).hasSize(1);
        assertThat(carrier.lookedUpSince).isEmpty();
    }

    @Test
    void startedAtKeepsMicrosecondPrecisionForTheLookUp() {
        Instant precise = Instant.parse("2026-12-03T10:00:00.123456Z");
        ledger.begin(messageId, precise);

        assertThat(ledger.attempts(messageId).get(0).startedAt()).isEqualTo(precise.truncatedTo(ChronoUnit.MICROS));
    }

    private OutboundSms sms() {
        return new OutboundSms(messageId, "practice-1", "+61412345678", "Please call.", 1);
    }

    /** A carrier that accepts every send and answers look-ups with what it was told to find. */
    private static final class RecordingGateway implements SmsGateway {

        final List<OutboundSms> sent = new ArrayList<>();
        final List<Instant> lookedUpSince = new ArrayList<>();
        private final SendOutcome.Accepted found;

        RecordingGateway(SendOutcome.Accepted found) {
            this.found = found;
        }

        @Override
        public SendOutcome send(OutboundSms sms) {
            sent.add(sms);
            return new SendOutcome.Accepted("SM" + sent.size(), Instant.now());
        }

        @Override
        public Optional<SendOutcome.Accepted> find(OutboundSms sms, Instant notBefore) {
            lookedUpSince.add(notBefore);
            return Optional.ofNullable(found);
        }

        @Override
        public Optional<DeliveryReport> currentStatus(String providerMessageId, String messageId) {
            return Optional.empty();
        }
    }
}
