package com.clientsms.app.ops.metrics;

import com.clientsms.kernel.delivery.DeliveryStatus;
import com.clientsms.kernel.delivery.SmsAccepted;
import com.clientsms.kernel.delivery.SmsStatusChanged;
import com.clientsms.kernel.sending.Audience;
import com.clientsms.kernel.sending.MessageRequested;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Counts messages requested, accepted, delivered and failed, by practice and audience (client, group, broadcast).
 *
 * <p>A subscribing processor: each event is counted by the instance that stored it, once, after its transaction
 * committed. Summed over the instances (as Prometheus does with {@code sum by}) that is each event exactly once, with
 * no replay of history when an instance starts. Status events carry no audience, and a report recorded before the
 * acceptance no practice either; both are remembered from the request when the same instance stored it, and otherwise
 * read from the client-history read model ("unknown" when that has not caught up).
 */
@ProcessingGroup(DeliveryMetrics.PROCESSING_GROUP)
class DeliveryMetrics {

    static final String PROCESSING_GROUP = "delivery-metrics";
    private static final int REMEMBERED = 100_000;
    private static final Logger log = LoggerFactory.getLogger(DeliveryMetrics.class);

    private final MeterRegistry registry;
    private final MongoTemplate mongo;
    private final Map<String, Origin> origins = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Origin> eldest) {
            return size() > REMEMBERED;
        }
    });

    DeliveryMetrics(MeterRegistry registry, MongoTemplate mongo) {
        this.registry = registry;
        this.mongo = mongo;
    }

    @EventHandler
    void on(MessageRequested event) {
        log.debug(
                "Message {} requested to {} by {}",
                event.messageId(),
                event.clientId(),
                event.sender().username());
        String audience = audience(event.audience());
        origins.put(event.messageId(), new Origin(event.practiceId(), audience));
        afterCommit(counter("clientsms.messages.requested", event.practiceId(), audience));
    }

    @EventHandler
    void on(SmsAccepted event) {
        Origin origin = originOf(event.messageId(), event.practiceId());
        afterCommit(counter("clientsms.messages.accepted", origin.practice(), origin.audience()));
    }

    @EventHandler
    void on(SmsStatusChanged event) {
        if (!event.status().isFinal()) {
            return;
        }
        log.debug(
                "Message {} ended {} (carrier code {})",
                event.messageId(),
                event.status().wireName(),
                event.errorCode());
        Origin origin = originOf(event.messageId(), event.practiceId());
        origins.remove(event.messageId());
        if (event.status() == DeliveryStatus.DELIVERED) {
            afterCommit(counter("clientsms.messages.delivered", origin.practice(), origin.audience()));
        } else {
            afterCommit(Counter.builder("clientsms.messages.failed")
                    .description("Messages that ended failed or undelivered")
                    .tag("practice", origin.practice() == null ? UNKNOWN : origin.practice())
                    .tag("audience", origin.audience())
                    .tag("status", event.status().wireName())
                    .tag("code", event.errorCode() == null ? "none" : event.errorCode())
                    .register(registry));
        }
    }

    private Counter counter(String name, String practiceId, String audience) {
        return Counter.builder(name)
                .tag("practice", practiceId == null ? "unknown" : practiceId)
                .tag("audience", audience)
                .register(registry);
    }

    private static void afterCommit(Counter counter) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> counter.increment());
        } else {
            counter.increment();
        }
    }

    /**
     * The practice and audience a status event is counted under. A carrier report recorded before the acceptance
     * carries no practice (the callback names only the message), so the practice too comes from the request when
     * the event does not have it.
     */
    private Origin originOf(String messageId, String practiceId) {
        Origin known = origins.get(messageId);
        if (known == null) {
            known = stored(messageId);
        }
        return practiceId == null ? known : new Origin(practiceId, known.audience());
    }

    private Origin stored(String messageId) {
        try {
            Document message = mongo.getCollection("client_history")
                    .find(new Document("_id", messageId))
                    .projection(new Document("audience", 1).append("practiceId", 1))
                    .first();
            String audience = message == null ? null : message.getString("audience");
            return new Origin(
                    message == null ? null : message.getString("practiceId"),
                    audience == null
                            ? UNKNOWN
                            : audience(Audience.valueOf(audience.toUpperCase(java.util.Locale.ROOT))));
        } catch (RuntimeException e) {
            log.debug("Origin of message {} not found for metrics: {}", messageId, e.getMessage());
            return new Origin(null, UNKNOWN);
        }
    }

    private static final String UNKNOWN = "unknown";

    /** What a message's status events are counted under; a null practice is counted as "unknown". */
    private record Origin(String practice, String audience) {}

    static String audience(Audience audience) {
        return switch (audience) {
            case CLIENT -> "client";
            case GROUP -> "group";
            case ALL -> "broadcast";
        };
    }
}
