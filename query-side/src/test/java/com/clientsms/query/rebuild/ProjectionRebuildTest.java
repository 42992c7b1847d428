package com.clientsms.query.rebuild;

import static com.clientsms.query.support.Events.ADMIN;
import static com.clientsms.query.support.Events.PRACTICE;
import static com.clientsms.query.support.Events.T0;
import static com.clientsms.query.support.Events.accepted;
import static com.clientsms.query.support.Events.client;
import static com.clientsms.query.support.Events.failed;
import static com.clientsms.query.support.Events.requested;
import static com.clientsms.query.support.Events.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.clientsms.kernel.body.SmsEncoding;
import com.clientsms.kernel.delivery.DeliveryStatus;
import com.clientsms.kernel.query.AuditPage;
import com.clientsms.kernel.query.ClientHistoryPage;
import com.clientsms.kernel.query.FindAuditEntries;
import com.clientsms.kernel.query.FindClientHistory;
import com.clientsms.kernel.rule.RuleViolation;
import com.clientsms.kernel.sending.Audience;
import com.clientsms.kernel.sending.BroadcastRequested;
import com.clientsms.kernel.sending.MessageRequested;
import com.clientsms.query.audit.AuditLogProjection;
import com.clientsms.query.broadcast.BroadcastOutcomeProjection;
import com.clientsms.query.config.ProjectionProcessingConfiguration;
import com.clientsms.query.directory.DirectoryProjection;
import com.clientsms.query.history.ClientHistoryProjection;
import com.clientsms.query.support.InProcessMongo;
import com.mongodb.client.MongoClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.springboot.autoconfig.UpdateCheckerAutoConfiguration;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Blue/green rebuilds with the processors running as in the application: the rebuilt model is identical, field by
 * field, to the one built live; queries keep answering throughout; events appended during the rebuild are neither
 * lost nor left behind; and nothing but the projection is replayed (the stand-in for the delivery saga sees each event
 * once and its token never moves back).
 */
@SpringBootTest(
        classes = ProjectionRebuildTest.TestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"axon.serializer.general=jackson", "axon.serializer.events=jackson"})
class ProjectionRebuildTest {

    private static final String DATABASE = "clientsms-rebuild";
    private static final InProcessMongo MONGO = new InProcessMongo();
    private static final int MESSAGES = 120;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> MONGO.connectionString() + "/" + DATABASE);
    }

    @AfterAll
    static void stopServer() {
        MONGO.close();
    }

    @Autowired
    EventGateway events;

    @Autowired
    QueryGateway queries;

    @Autowired
    ProjectionRebuilds rebuilds;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    MongoClient mongoClient;

    @Autowired
    SagaStandIn saga;

    @Test
    void rebuiltModelsAreIdenticalToLiveOnesAndNothingElseIsReplayed() throws Exception {
        publishHistory("c1", 0, MESSAGES);
        await().atMost(Duration.ofSeconds(60)).until(() -> audited() == MESSAGES && history("c1") == MESSAGES);
        await().atMost(Duration.ofSeconds(60)).until(() -> saga.seen.get() == MESSAGES);
        TrackingToken sagaToken = sagaToken();

        for (String projection : ProjectionProcessingConfiguration.MONGO_GROUPS) {
            Map<String, Map<Object, Document>> live = settledSnapshot();

            ProjectionState started = rebuilds.rebuild(projection);
            assertThat(started.state()).isEqualTo("rebuilding");
            List<Long> answersDuringRebuild = new ArrayList<>();
            while ("rebuilding".equals(rebuilds.state(projection).state())) {
                answersDuringRebuild.add(audited());
                answersDuringRebuild.add(history("c1"));
            }
            rebuilds.await(projection, Duration.ofSeconds(60));

            assertThat(rebuilds.state(projection).lastRebuild().outcome()).isEqualTo("swapped");
            assertThat(answersDuringRebuild)
                    .allSatisfy(total -> assertThat(total).isEqualTo(MESSAGES));
            assertThat(snapshot()).as("rebuilt %s", projection).isEqualTo(live);
        }
        assertThat(saga.seen.get()).as("events the saga stand-in handled").isEqualTo(MESSAGES);
        assertThat(sagaToken().covers(sagaToken)).isTrue();
        assertThat(mongoClient.getDatabase(DATABASE).listCollectionNames().into(new ArrayList<>()))
                .noneMatch(name -> name.endsWith("__rebuild"));
    }

    @Test
    void projectionsRebuiltAtTheSameTimeAllSwapIn() throws Exception {
        publishHistory("c3", 0, 30);
        await().atMost(Duration.ofSeconds(60)).until(() -> history("c3") == 30);
        Map<String, Map<Object, Document>> live = settledSnapshot();

        for (String projection : ProjectionProcessingConfiguration.MONGO_GROUPS) {
            rebuilds.rebuild(projection);
        }
        for (String projection : ProjectionProcessingConfiguration.MONGO_GROUPS) {
            rebuilds.await(projection, Duration.ofSeconds(60));
        }

        assertThat(ProjectionProcessingConfiguration.MONGO_GROUPS).allSatisfy(projection -> assertThat(
                        rebuilds.state(projection).lastRebuild().outcome())
                .as("rebuild of %s", projection)
                .isEqualTo("swapped"));
        assertThat(snapshot()).isEqualTo(live);
    }

    @Test
    void eventsAppendedDuringARebuildReachTheSwappedModel() {
        publishHistory("c2", 0, 40);
        await().atMost(Duration.ofSeconds(60)).until(() -> history("c2") == 40);

        rebuilds.rebuild(ClientHistoryProjection.PROCESSING_GROUP);
        publishHistory("c2", 40, 40);

        await().atMost(Duration.ofSeconds(60)).until(() -> "live"
                .equals(rebuilds.state(ClientHistoryProjection.PROCESSING_GROUP).state()));
        publishHistory("c2", 80, 10);
        await().atMost(Duration.ofSeconds(60)).until(() -> history("c2") == 90);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(historyPage("c2").items())
                        .allSatisfy(message -> assertThat(message.timeline()).hasSize(3)));
    }

    @Test
    void unknownProjectionsAndTheSagaCannotBeRebuilt() {
        assertThatThrownBy(() -> rebuilds.rebuild("SmsDeliverySagaProcessor"))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.kind()).isEqualTo(RuleViolation.Kind.NOT_FOUND));
        assertThat(rebuilds.projections())
                .extracting(ProjectionState::name)
                .containsExactlyElementsOf(ProjectionProcessingConfiguration.MONGO_GROUPS);
    }

    private void publishHistory(String clientId, int from, int count) {
        List<Object> batch = new ArrayList<>();
        batch.add(client(clientId, PRACTICE, "Client " + clientId, "+61412345678"));
        batch.add(new BroadcastRequested(
                "b-" + clientId + "-" + from,
                PRACTICE,
                ADMIN,
                Audience.ALL,
                null,
                null,
                "Hello",
                5,
                SmsEncoding.GSM_7,
                1,
                count,
                List.of(),
                List.of(),
                T0));
        for (int i = from; i < from + count; i++) {
            String messageId = clientId + "-m" + i;
            var at = T0.plusSeconds(i);
            batch.add(new MessageRequested(
                    messageId,
                    PRACTICE,
                    clientId,
                    "Client " + clientId,
                    "+61412345678",
                    ADMIN,
                    Audience.ALL,
                    "b-" + clientId + "-" + from,
                    null,
                    "Hello",
                    5,
                    SmsEncoding.GSM_7,
                    1,
                    at));
            batch.add(accepted(messageId, clientId, at.plusMillis(10)));
            batch.add(
                    i % 7 == 0
                            ? failed(messageId, clientId, "30003", "The handset is unreachable.", at.plusMillis(20))
                            : status(messageId, clientId, DeliveryStatus.DELIVERED, at.plusMillis(20)));
        }
        events.publish(batch);
    }

    /**
     * The other projections may still be catching up with the published history (each has its own processor); a
     * snapshot is taken once two reads in a row agree, so only the rebuild can explain a later difference.
     */
    private Map<String, Map<Object, Document>> settledSnapshot() {
        AtomicReference<Map<String, Map<Object, Document>>> last = new AtomicReference<>(snapshot());
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    Map<String, Map<Object, Document>> now = snapshot();
                    return now.equals(last.getAndSet(now));
                });
        return last.get();
    }

    private Map<String, Map<Object, Document>> snapshot() {
        Map<String, Map<Object, Document>> collections = new TreeMap<>();
        var database = mongoClient.getDatabase(DATABASE);
        for (String name : database.listCollectionNames()) {
            if (name.equals("trackingtokens")) {
                continue;
            }
            Map<Object, Document> documents = new TreeMap<>();
            database.getCollection(name)
                    .find()
                    .forEach(document -> documents.put(document.get("_id").toString(), document));
            collections.put(name, documents);
        }
        return collections;
    }

    private TrackingToken sagaToken() {
        return processing.tokenStore(SagaStandIn.GROUP).fetchToken(SagaStandIn.GROUP, 0);
    }

    private long audited() {
        return queries.query(
                        new FindAuditEntries(PRACTICE, null, null, null, "c1", null, null, false, 0, 1),
                        ResponseTypes.instanceOf(AuditPage.class))
                .join()
                .total();
    }

    private long history(String clientId) {
        return historyPage(clientId).total();
    }

    private ClientHistoryPage historyPage(String clientId) {
        return queries.query(
                        new FindClientHistory(PRACTICE, clientId, 0, 100),
                        ResponseTypes.instanceOf(ClientHistoryPage.class))
                .join();
    }

    /** Stands for the delivery saga: a tracking processor outside the projections, counting what it is handed. */
    @ProcessingGroup(SagaStandIn.GROUP)
    static class SagaStandIn {
        static final String GROUP = "saga-stand-in";
        final AtomicInteger seen = new AtomicInteger();

        @EventHandler
        void on(MessageRequested requested) {
            if (requested.clientId().equals("c1")) {
                seen.incrementAndGet();
            }
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration(exclude = UpdateCheckerAutoConfiguration.class)
    @Import({
        ProjectionProcessingConfiguration.class,
        ClientHistoryProjection.class,
        DirectoryProjection.class,
        AuditLogProjection.class,
        BroadcastOutcomeProjection.class,
        ProjectionRebuilds.class
    })
    static class TestApplication {

        @Bean
        EventStorageEngine eventStorageEngine() {
            return new InMemoryEventStorageEngine();
        }

        @Bean
        SagaStandIn sagaStandIn() {
            return new SagaStandIn();
        }
    }
}
