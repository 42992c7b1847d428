package com.clientsms.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clientsms.kernel.body.SmsEncoding;
import com.clientsms.kernel.delivery.DeliveryStatus;
import com.clientsms.kernel.delivery.RecordDeliveryStatus;
import com.clientsms.kernel.delivery.RecordSmsAccepted;
import com.clientsms.kernel.delivery.SmsAccepted;
import com.clientsms.kernel.delivery.SmsStatusChanged;
import com.clientsms.kernel.directory.RecordClientOptOut;
import com.clientsms.kernel.sending.Audience;
import com.clientsms.kernel.sending.MessageRequested;
import com.clientsms.kernel.staff.Role;
import com.clientsms.kernel.staff.StaffRef;
import com.clientsms.saga.delivery.SmsDeliverySaga;
import com.clientsms.saga.gateway.simulator.SimulatedFate;
import com.clientsms.saga.gateway.simulator.SimulatedSmsGateway;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.axonframework.springboot.autoconfig.UpdateCheckerAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The module wired as the application wires it: Axon's JDBC storage on a real (embedded) PostgreSQL with the Flyway
 * migrations, Jackson for events and sagas, the saga on its pooled streaming processor, deadlines in db-scheduler's
 * table, the send ledger and the simulated carrier reporting back through the recorder. The carrier here throttles,
 * times out and loses answers on a good share of submissions. A stand-in for the command side's SmsDelivery aggregate
 * records the commands and emits the events it would.
 */
@SpringBootTest(
        classes = SmsDeliveryFlowTest.FlowApplication.class,
        properties = {
            "spring.main.web-application-type=none",
            "spring.flyway.locations=classpath:db/migration",
            "axon.axonserver.enabled=false",
            "axon.serializer.general=jackson",
            "axon.serializer.events=jackson",
            "axon.serializer.messages=jackson",
            "clientsms.simulator.report-delay=10ms",
            "clientsms.simulator.undelivered-rate=0.2",
            "clientsms.simulator.failed-rate=0.1",
            "clientsms.simulator.seed=11",
            "clientsms.simulator.transient-failure-rate=0.15",
            "clientsms.simulator.timeout-rate=0.15",
            "clientsms.simulator.ambiguous-rate=0.15",
            "clientsms.delivery.retry.max-attempts=12",
            "clientsms.delivery.retry.initial-backoff=20ms",
            "clientsms.delivery.retry.max-backoff=100ms",
            // The simulated carrier answers in-process: nothing can still be on its way after a lost answer.
            "clientsms.delivery.ambiguous-wait=50ms",
            "db-scheduler.polling-interval=100ms",
            "db-scheduler.threads=4",
            "db-scheduler.immediate-execution-enabled=true",
            "db-scheduler.delay-startup-until-context-ready=true"
        })
class SmsDeliveryFlowTest {

    private static final String MOBILE = "+61412345678";

    @Autowired
    EventGateway events;

    @Autowired
    SmsDeliveryStandIn smsDelivery;

    @Autowired
    SimulatedSmsGateway carrier;

    @Autowired
    SagaStore<Object> sagaStore;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DeadlineManager deadlineManager;

    @Test
    void everyRequestedMessageReachesTheCarrierExactlyOnceDespiteLostAnswersAndEndsWithItsFinalStatus() {
        List<String> ids = IntStream.range(0, 40).mapToObj(i -> "flow-" + i).toList();
        ids.forEach(id -> events.publish(requested(id, MOBILE)));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(ids)
                .allSatisfy(id -> assertThat(finalStatusOf(id)).isEqualTo(expectedFinalStatus(firstAcceptedFate(id)))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ids)
                .allSatisfy(id -> assertThat(activeSagasFor(id)).isZero()));

        assertThat(ids).allSatisfy(id -> assertThat(carrier.acceptances(id)).isOne());
        assertThat(ids)
                .as("the mix really made the saga retry and look messages up")
                .anyMatch(id -> carrier.submissions(id) > 1);
        // At most one accepted attempt per message in the ledger. Not exactly one: an attempt whose answer was lost
        // stays ambiguous when the carrier's final report ends the saga before its retry would have looked it up.
        assertThat(jdbc.queryForObject(
                        "select count(*) from (select message_id from send_attempt where outcome = 'ACCEPTED'"
                                + " and message_id like 'flow-%' group by message_id having count(*) > 1) twice",
                        Integer.class))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select count(distinct message_id) from send_attempt where message_id like 'flow-%'",
                        Integer.class))
                .isEqualTo(ids.size());
    }

    @Test
    void deadlinesAreKeptInTheDatabaseSoTheySurviveARestart() {
        assertThat(deadlineManager).isInstanceOf(DbSchedulerDeadlineManager.class);
    }

    @Test
    void recipientWhoOptedOutAtTheCarrierIsMarkedAsOptedOut() {
        events.publish(requested("flow-stop", SimulatedSmsGateway.OPTED_OUT));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(smsDelivery.commands)
                .contains(new RecordClientOptOut("client-flow-stop", "21610", "flow-stop")));
        assertThat(finalStatusOf("flow-stop")).isEqualTo(DeliveryStatus.FAILED);
        assertThat(activeSagasFor("flow-stop")).isZero();
    }

    @Test
    void sagaRunsOnAPooledStreamingProcessorWhoseTokenIsStoredWithTheSagas() {
        assertThat(processing.eventProcessor("SmsDeliverySagaProcessor", PooledStreamingEventProcessor.class))
                .isPresent();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from tokenentry where processorname = 'SmsDeliverySagaProcessor'",
                                Integer.class)
                        > 0);
    }

    private DeliveryStatus finalStatusOf(String messageId) {
        return smsDelivery.commands.stream()
                .filter(RecordDeliveryStatus.class::isInstance)
                .map(RecordDeliveryStatus.class::cast)
                .filter(command -> command.messageId().equals(messageId)
                        && command.status().isFinal())
                .map(RecordDeliveryStatus::status)
                .findFirst()
                .orElse(null);
    }

    private int activeSagasFor(String messageId) {
        return sagaStore
                .findSagas(SmsDeliverySaga.class, new AssociationValue("messageId", messageId))
                .size();
    }

    /** Rejection and the delivery outcome belong to the message; lost answers and throttling to each submission. */
    private SimulatedFate firstAcceptedFate(String messageId) {
        return IntStream.rangeClosed(1, 12)
                .mapToObj(submission -> carrier.fateOf(messageId, MOBILE, submission))
                .filter(fate -> fate.accepted() || fate.outcome() == SimulatedFate.Outcome.REJECTED)
                .findFirst()
                .orElseThrow();
    }

    private static DeliveryStatus expectedFinalStatus(SimulatedFate fate) {
        return switch (fate.outcome()) {
            case DELIVERED -> DeliveryStatus.DELIVERED;
            case UNDELIVERED -> DeliveryStatus.UNDELIVERED;
            case FAILED, REJECTED, TRANSIENT_FAILURE, TIMED_OUT -> DeliveryStatus.FAILED;
        };
    }

    private static MessageRequested requested(String messageId, String to) {
        return new MessageRequested(
                messageId,
                "practice-1",
                "client-" + messageId,
                "Alex Client",
                to,
                new StaffRef("staff-1", "admin", "Admin", Role.ADMIN, "practice-1"),
                Audience.ALL,
                "broadcast-1",
                null,
                "The practice is closed over the holidays.",
                41,
                SmsEncoding.GSM_7,
                1,
                Instant.now());
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration(exclude = UpdateCheckerAutoConfiguration.class)
    // The saga, its ledger and pacer and the simulator; the webhook and the Twilio adapter have their own tests.
    @ComponentScan({
        "com.clientsms.saga.delivery",
        "com.clientsms.saga.ledger",
        "com.clientsms.saga.pacing",
        "com.clientsms.saga.gateway.simulator"
    })
    static class FlowApplication {

        @Bean(destroyMethod = "close")
        EmbeddedPostgres embeddedPostgres() throws IOException {
            return EmbeddedPostgres.builder().start();
        }

        /** Pooled as in the application: the ledger and the pacer take a second connection beside the batch's. */
        @Bean(destroyMethod = "close")
        DataSource dataSource(EmbeddedPostgres postgres) {
            HikariDataSource pool = new HikariDataSource();
            pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
            pool.setUsername("postgres");
            pool.setMaximumPoolSize(20);
            return pool;
        }

        @Bean
        SagaSqlSchema sagaSqlSchema() {
            return new PostgresSagaSqlSchema();
        }

        @Bean
        SmsDeliveryStandIn smsDeliveryStandIn(EventGateway events) {
            return new SmsDeliveryStandIn(events);
        }
    }

    /** Records what the saga and the recorder order, and emits the events the SmsDelivery aggregate would. */
    static class SmsDeliveryStandIn {

        final Queue<Object> commands = new ConcurrentLinkedQueue<>();
        private final Map<String, String> clientByMessage = new ConcurrentHashMap<>();
        private final EventGateway events;

        SmsDeliveryStandIn(EventGateway events) {
            this.events = events;
        }

        @CommandHandler
        void handle(RecordSmsAccepted command) {
            commands.add(command);
            clientByMessage.put(command.messageId(), command.clientId());
            events.publish(new SmsAccepted(
                    command.messageId(),
                    command.practiceId(),
                    command.clientId(),
                    command.providerMessageId(),
                    command.acceptedAt()));
        }

        @CommandHandler
        void handle(RecordDeliveryStatus command) {
            commands.add(command);
            events.publish(new SmsStatusChanged(
                    command.messageId(),
                    "practice-1",
                    clientByMessage.getOrDefault(command.messageId(), "client-" + command.messageId()),
                    command.status(),
                    command.errorCode(),
                    command.reason(),
                    command.providerMessageId(),
                    command.occurredAt()));
        }

        @CommandHandler
        void handle(RecordClientOptOut command) {
            commands.add(command);
        }
    }
}
