package com.clientsms.query.config;

import static com.clientsms.query.support.Events.PRACTICE;
import static com.clientsms.query.support.Events.T0;
import static com.clientsms.query.support.Events.accepted;
import static com.clientsms.query.support.Events.client;
import static com.clientsms.query.support.Events.requested;
import static com.clientsms.query.support.Events.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clientsms.kernel.delivery.DeliveryStatus;
import com.clientsms.kernel.query.ClientHistoryPage;
import com.clientsms.kernel.query.ClientView;
import com.clientsms.kernel.query.FindClientHistory;
import com.clientsms.kernel.query.FindClients;
import com.clientsms.kernel.sending.MessageRequested;
import com.clientsms.query.directory.DirectoryProjection;
import com.clientsms.query.history.ClientHistoryProjection;
import com.clientsms.query.support.InProcessMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
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
 * The projections as the application runs them: Axon's Spring Boot auto-configuration, pooled streaming processors
 * fed from the event store, their tokens in MongoDB beside the models.
 */
@SpringBootTest(
        classes = MongoProjectionProcessingTest.TestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"axon.serializer.general=jackson", "axon.serializer.events=jackson"})
class MongoProjectionProcessingTest {

    private static final String DATABASE = "clientsms-it";
    private static final InProcessMongo MONGO = new InProcessMongo();

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
    EventProcessingConfiguration processing;

    @Autowired
    MongoClient mongoClient;

    @Test
    void projectionsKeepTheirTokensInMongoDbAndOtherProcessorsDoNot() {
        assertThat(processing.tokenStore(ClientHistoryProjection.PROCESSING_GROUP))
                .isInstanceOf(MongoTokenStore.class);
        assertThat(processing.tokenStore(DirectoryProjection.PROCESSING_GROUP)).isInstanceOf(MongoTokenStore.class);
        assertThat(processing.tokenStore(OtherHandler.GROUP)).isNotInstanceOf(MongoTokenStore.class);
        assertThat(processing.eventProcessor(
                        ClientHistoryProjection.PROCESSING_GROUP, PooledStreamingEventProcessor.class))
                .isPresent();
        assertThat(processing.eventProcessor(DirectoryProjection.PROCESSING_GROUP, PooledStreamingEventProcessor.class))
                .isPresent();
    }

    @Test
    void publishedEventsReachTheReadModelsAndTheirTokensAreStoredBesideThem() {
        events.publish(
                client("c1", PRACTICE, "Casey Client", "+61412345678"),
                requested("m1", "c1", T0),
                accepted("m1", "c1", T0.plusSeconds(1)),
                status("m1", "c1", DeliveryStatus.DELIVERED, T0.plusSeconds(4)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(history().items()).singleElement().satisfies(message -> assertThat(message.status())
                    .isEqualTo("delivered"));
            assertThat(clients()).extracting(ClientView::name).containsExactly("Casey Client");
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(storedTokenGroups())
                .contains(ClientHistoryProjection.PROCESSING_GROUP, DirectoryProjection.PROCESSING_GROUP)
                .doesNotContain(OtherHandler.GROUP));
    }

    @Test
    void replayRebuildsTheHistoryFromTheFirstEvent() {
        events.publish(requested("m-replay", "c-replay", T0), status("m-replay", "c-replay", DeliveryStatus.SENT, T0));
        await().atMost(Duration.ofSeconds(30)).until(() -> historyOf("c-replay").total() == 1);
        var processor = processing
                .eventProcessor(ClientHistoryProjection.PROCESSING_GROUP, PooledStreamingEventProcessor.class)
                .orElseThrow();

        processor.shutDown();
        processor.resetTokens();
        processor.start();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(processor.isReplaying()).isFalse();
            assertThat(historyOf("c-replay").items()).singleElement().satisfies(message -> {
                assertThat(message.status()).isEqualTo("sent");
                assertThat(message.timeline()).hasSize(2);
            });
        });
    }

    @Test
    void anEventWhoseProjectionFailsIsHandledAgainInsteadOfSkipped() {
        events.publish(requested(FailsOnce.MESSAGE, "c-fails-once", T0));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(FailsOnce.HANDLED.get()).isGreaterThanOrEqualTo(2);
            assertThat(historyOf("c-fails-once").total()).isOne();
        });
    }

    private ClientHistoryPage history() {
        return historyOf("c1");
    }

    private ClientHistoryPage historyOf(String clientId) {
        return queries.query(
                        new FindClientHistory(PRACTICE, clientId, 0, 20),
                        ResponseTypes.instanceOf(ClientHistoryPage.class))
                .join();
    }

    private List<ClientView> clients() {
        return queries.query(new FindClients(PRACTICE, null), ResponseTypes.multipleInstancesOf(ClientView.class))
                .join();
    }

    private List<String> storedTokenGroups() {
        return mongoClient
                .getDatabase(DATABASE)
                .getCollection("trackingtokens")
                .distinct("processorName", Filters.exists("token"), String.class)
                .into(new java.util.ArrayList<>());
    }

    /** Stands for the saga: a tracking processor that must keep Axon's default token store. */
    @ProcessingGroup(OtherHandler.GROUP)
    static class OtherHandler {
        static final String GROUP = "not-a-projection";

        @EventHandler
        void on(Document ignored) {}
    }

    /** A handler of the client history's group whose store fails the first time it sees one message. */
    @ProcessingGroup(ClientHistoryProjection.PROCESSING_GROUP)
    static class FailsOnce {
        static final String MESSAGE = "m-fails-once";
        static final AtomicInteger HANDLED = new AtomicInteger();

        @EventHandler
        void on(MessageRequested event) {
            if (MESSAGE.equals(event.messageId()) && HANDLED.incrementAndGet() == 1) {
                throw new IllegalStateException("read-model store unreachable");
            }
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration(exclude = UpdateCheckerAutoConfiguration.class)
    @Import({ProjectionProcessingConfiguration.class, ClientHistoryProjection.class, DirectoryProjection.class})
    static class TestApplication {

        @Bean
        EventStorageEngine eventStorageEngine() {
            return new InMemoryEventStorageEngine();
        }

        @Bean
        FailsOnce failsOnce() {
            return new FailsOnce();
        }

        @Bean
        OtherHandler otherHandler() {
            return new OtherHandler();
        }
    }
}
