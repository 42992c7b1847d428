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
 * no replay of history when an instance starts. Status events carry no audience; it is remembered from the request
 * when the same instance stored both, and otherwise read from the client-history read model ("unknown" when that has
 * not caught up).
 */
@ProcessingGroup(DeliveryMetrics.PROCESSING_GROUP)
class DeliveryMetrics {

    static final String PROCESSING_GROUP = "delivery-metrics";
    private static final int REMEMBERED = 100_000;
    private static final Logger log = LoggerFactory.getLogger(DeliveryMetrics.class);

    private final MeterRegistry registry;
    private final MongoTemplate mongo;
    private final Map<String, String> audiences = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
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
        audiences.put(event.messageId(), audience);
        afterCommit(counter("clientsms.messages.requested", event.practiceId(), audience));
    }

    @EventHandler
    void on(SmsAccepted event) {
        afterCommit(counter("clientsms.messages.accepted", event.practiceId(), audienceOf(event.messageId())));
    }

    @EventHandler
    void on(SmsStatusChanged event) {
        if (event.status().isFinal()) {
            log.debug(
                    "Message {} ended {} (carrier code {})",
                    event.messageId(),
                    event.status().wireName(),
                    event.errorCode());
        }
        if (event.status() == DeliveryStatus.DELIVERED) {
            afterCommit(counter("clientsms.messages.delivered", event.practiceId(), audienceOf(event.messageId())));
            audiences.remove(event.messageId());
        } else if (event.status().isFinal()) {
            afterCommit(Counter.builder("clientsms.messages.failed")
                    .description("Messages that ended failed or undelivered")
                    .tag("practice", event.practiceId())
                    .tag("audience", audienceOf(event.messageId()))
                    .tag("status", event.status().wireName())
                    .tag("code", event.errorCode() == null ? "none" : event.errorCode())
                    .register(registry));
            audiences.remove(event.messageId());
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

    private String audienceOf(String messageId) {
        String known = audiences.get(messageId);
        if (known != null) {
            return known;
        }
        try {
            Document message = mongo.getCollection("client_history")
                    .find(new Document("_id", messageId))
                    .projection(new Document("audience", 1))
                    .first();
            String stored = message == null ? null : message.getString("audience");
            return stored == null ? "unknown" : audience(Audience.valueOf(stored.toUpperCase(java.util.Locale.ROOT)));
        } catch (RuntimeException e) {
            log.debug("Audience of message {} not found for metrics: {}", messageId, e.getMessage());
            return "unknown";
        }
    }

    static String audience(Audience audience) {
        return switch (audience) {
            case CLIENT -> "client";
            case GROUP -> "group";
            case ALL -> "broadcast";
        };
    }
}
