package com.clientsms.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientsms.kernel.body.SmsEncoding;
import com.clientsms.kernel.delivery.DeliveryStatus;
import com.clientsms.kernel.delivery.SmsAccepted;
import com.clientsms.kernel.delivery.SmsStatusChanged;
import com.clientsms.kernel.sending.Audience;
import com.clientsms.kernel.sending.MessageRequested;
import com.clientsms.kernel.staff.Role;
import com.clientsms.kernel.staff.StaffRef;
import com.clientsms.query.rebuild.ProjectionRebuilds;
import com.clientsms.query.rebuild.ProjectionState;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * Rebuild throughput: a store of generated delivery histories (a request, an acceptance, "sent" and "delivered" per
 * message: four events) replayed into a fresh client history through the zero-downtime rebuild, the same code an
 * operator runs. Baseline, in the same run and the same MongoDB server: a raw bulk upsert of the documents the rebuild
 * produced. The events are written straight into Axon's event table, serialized by the application's own event
 * serializer, while every processor is stopped (the delivery saga must not send them). Events: {@code
 * -Dbench.rebuild.events}, a few thousand in the suite, 1,000,000 under {@code -Pbenchmarks}.
 */
class RebuildBenchmarkTest {

    private static final int EVENTS = Benchmarks.size("bench.rebuild.events", 4_000);
    private static final String PROJECTION = "client-history";
    private static final int MESSAGES_PER_BROADCAST = 1000;
    private static final int ROWS_PER_COMMIT = 2000;

    @Test
    void rebuildOfTheClientHistoryAgainstARawBulkUpsertBaseline() throws Exception {
        String loadAtStart = Benchmarks.loadAverage();
        try (BenchmarkApplication app = BenchmarkApplication.start("rebuild")) {
            EventProcessingConfiguration processing = app.bean(EventProcessingConfiguration.class);
            processing.eventProcessors().values().forEach(EventProcessor::shutDown);

            long writeStart = System.nanoTime();
            int messages = EVENTS / 4;
            writeDeliveryHistories(app, messages);
            double writeSeconds = Benchmarks.seconds(writeStart);

            ProjectionRebuilds rebuilds = app.bean(ProjectionRebuilds.class);
            rebuilds.rebuild(PROJECTION);
            rebuilds.await(PROJECTION, Duration.ofHours(2));
            ProjectionState.LastRebuild rebuilt = rebuilds.state(PROJECTION).lastRebuild();
            assertThat(rebuilt.outcome())
                    .as("rebuild outcome: %s", rebuilt.error())
                    .isEqualTo("swapped");
            MongoCollection<Document> history = app.mongo().getCollection("client_history");
            assertThat(history.countDocuments(Filters.eq("state.status", "delivered")))
                    .as("every generated message rebuilt as delivered")
                    .isEqualTo(messages);

            Baseline baseline = rawBulkUpsert(history, app.mongo().getCollection("bench_baseline"));
            double eventsPerSecond = rebuilt.events() / rebuilt.seconds();
            Benchmarks.print(
                    "Rebuild throughput (event store -> fresh " + PROJECTION + ")",
                    loadAtStart,
                    new String[] {
                        "events",
                        "rebuild s",
                        "events/s",
                        "documents",
                        "raw upsert s",
                        "docs/s",
                        "time ratio",
                        "store written s"
                    },
                    List.<String[]>of(new String[] {
                        String.valueOf(rebuilt.events()),
                        String.format("%.1f", rebuilt.seconds()),
                        String.format("%.0f", eventsPerSecond),
                        String.valueOf(baseline.documents),
                        String.format("%.1f", baseline.seconds),
                        String.format("%.0f", baseline.documents / baseline.seconds),
                        String.format("%.1f", rebuilt.seconds() / baseline.seconds),
                        String.format("%.1f", writeSeconds)
                    }),
                    "time ratio = rebuild time / time of the raw bulk upsert of the same documents");
        }
    }

    /** Four events per message, a broadcast's worth of requests per aggregate, straight into domainevententry. */
    private static void writeDeliveryHistories(BenchmarkApplication app, int messages) throws SQLException {
        Serializer serializer = app.bean("eventSerializer", Serializer.class);
        byte[] metaData =
                serializer.serialize(MetaData.emptyInstance(), byte[].class).getData();
        StaffRef admin = new StaffRef("bench-admin", "bench", "Bench Admin", Role.ADMIN, "bench");
        String body = "The practice is closed on Friday 24 December; we are back on Monday. Call 02 9000 0000.";
        Instant at = Instant.parse("2026-01-01T09:00:00Z");
        try (Connection connection = app.dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into domainevententry"
                        + " (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, payload,"
                        + " payloadrevision, payloadtype, timestamp) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            connection.setAutoCommit(false);
            int rows = 0;
            String broadcastId = null;
            for (int i = 0; i < messages; i++) {
                if (i % MESSAGES_PER_BROADCAST == 0) {
                    broadcastId = UUID.randomUUID().toString();
                }
                String messageId = UUID.randomUUID().toString();
                String clientId = "bench-client-" + i;
                Instant requested = at.plusMillis(i);
                Object[] events = {
                    new MessageRequested(
                            messageId,
                            "bench",
                            clientId,
                            "Client " + i,
                            "+6149" + String.format("%07d", i % 10_000_000),
                            admin,
                            Audience.ALL,
                            broadcastId,
                            null,
                            body,
                            body.length(),
                            SmsEncoding.GSM_7,
                            1,
                            requested),
                    new SmsAccepted(messageId, "bench", clientId, "SM" + messageId, requested.plusMillis(50)),
                    status(messageId, clientId, DeliveryStatus.SENT, requested.plusSeconds(1)),
                    status(messageId, clientId, DeliveryStatus.DELIVERED, requested.plusSeconds(3))
                };
                for (int e = 0; e < events.length; e++) {
                    boolean request = e == 0;
                    SerializedObject<byte[]> payload = serializer.serialize(events[e], byte[].class);
                    insert.setString(1, request ? broadcastId : messageId);
                    insert.setLong(2, request ? i % MESSAGES_PER_BROADCAST : e - 1);
                    insert.setString(3, request ? "Broadcast" : "SmsDelivery");
                    insert.setString(4, UUID.randomUUID().toString());
                    insert.setBytes(5, metaData);
                    insert.setBytes(6, payload.getData());
                    insert.setString(7, payload.getType().getRevision());
                    insert.setString(8, payload.getType().getName());
                    insert.setString(9, DateTimeUtils.formatInstant(requested));
                    insert.addBatch();
                    if (++rows % ROWS_PER_COMMIT == 0) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
            }
            insert.executeBatch();
            connection.commit();
        }
    }

    private static SmsStatusChanged status(String messageId, String clientId, DeliveryStatus status, Instant at) {
        return new SmsStatusChanged(messageId, "bench", clientId, status, null, null, "SM" + messageId, at);
    }

    /** The rebuilt documents upserted again, a thousand per bulk write; only the writes are timed. */
    private static Baseline rawBulkUpsert(MongoCollection<Document> from, MongoCollection<Document> to) {
        to.drop();
        long nanos = 0;
        long documents = 0;
        List<WriteModel<Document>> batch = new ArrayList<>(1000);
        ReplaceOptions upsert = new ReplaceOptions().upsert(true);
        try (MongoCursor<Document> cursor = from.find().batchSize(1000).iterator()) {
            while (cursor.hasNext()) {
                Document document = cursor.next();
                batch.add(new ReplaceOneModel<>(Filters.eq("_id", document.get("_id")), document, upsert));
                if (batch.size() == 1000 || !cursor.hasNext()) {
                    long start = System.nanoTime();
                    to.bulkWrite(batch, new BulkWriteOptions().ordered(true));
                    nanos += System.nanoTime() - start;
                    documents += batch.size();
                    batch.clear();
                }
            }
        }
        return new Baseline(documents, Math.max(1e-6, nanos / 1e9));
    }

    private record Baseline(long documents, double seconds) {}
}
