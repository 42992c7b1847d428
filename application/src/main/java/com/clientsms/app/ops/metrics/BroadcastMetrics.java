package com.clientsms.app.ops.metrics;

import com.clientsms.query.mongo.MessageState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Open broadcasts, read from the broadcast-outcomes read model: {@code clientsms.broadcasts.open} (broadcasts with a
 * message not yet final) and {@code clientsms.broadcasts.pending.messages} (their messages not yet final). The drain
 * rate is the pending count's fall over time ({@code -deriv(...[5m])}) or the rate of final-status counters with
 * audience group/broadcast. Every instance reads the same shared model: aggregate with {@code max}, not {@code sum}.
 */
final class BroadcastMetrics {

    private static final long CACHE_MILLIS = 5_000;
    private static final List<String> NOT_FINAL = List.of("requested", "accepted", "sent");

    private final MongoTemplate mongo;
    private final AtomicReference<Snapshot> last = new AtomicReference<>(new Snapshot(0, 0, 0));

    private record Snapshot(long at, long open, long pending) {}

    BroadcastMetrics(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void bindTo(MeterRegistry registry) {
        Gauge.builder("clientsms.broadcasts.open", this, m -> m.snapshot().open())
                .description("Broadcasts with at least one message not yet in a final status")
                .register(registry);
        Gauge.builder("clientsms.broadcasts.pending.messages", this, m -> m.snapshot()
                        .pending())
                .description("Messages of broadcasts not yet in a final status")
                .register(registry);
    }

    /** One read per scrape at most every few seconds, however many gauges ask. */
    private Snapshot snapshot() {
        Snapshot current = last.get();
        long now = System.currentTimeMillis();
        if (now - current.at() < CACHE_MILLIS) {
            return current;
        }
        try {
            Document filter = new Document(MessageState.STATUS, new Document("$in", NOT_FINAL));
            var messages = mongo.getCollection("broadcast_messages");
            long pending = messages.countDocuments(filter);
            long open = 0;
            for (Object ignored : messages.distinct("broadcastId", filter, String.class)) {
                open++;
            }
            Snapshot fresh = new Snapshot(now, open, pending);
            last.set(fresh);
            return fresh;
        } catch (RuntimeException e) {
            return current;
        }
    }
}
