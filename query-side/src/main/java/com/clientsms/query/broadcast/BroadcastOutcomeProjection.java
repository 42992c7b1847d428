package com.clientsms.query.broadcast;

import static com.clientsms.query.mongo.MongoDates.date;
import static com.clientsms.query.mongo.MongoDates.instant;

import com.clientsms.kernel.delivery.DeliveryStatus;
import com.clientsms.kernel.delivery.SmsAccepted;
import com.clientsms.kernel.delivery.SmsStatusChanged;
import com.clientsms.kernel.query.BroadcastFailure;
import com.clientsms.kernel.query.BroadcastOutcome;
import com.clientsms.kernel.query.BroadcastPage;
import com.clientsms.kernel.query.BroadcastSummary;
import com.clientsms.kernel.query.FailedRecipients;
import com.clientsms.kernel.query.FindBroadcastOutcome;
import com.clientsms.kernel.query.FindBroadcasts;
import com.clientsms.kernel.query.FindFailedRecipients;
import com.clientsms.kernel.query.SkippedClient;
import com.clientsms.kernel.query.StatusCounts;
import com.clientsms.kernel.sending.BroadcastRequested;
import com.clientsms.kernel.sending.BroadcastResendRequested;
import com.clientsms.kernel.sending.MessageRequested;
import com.clientsms.kernel.staff.Role;
import com.clientsms.query.mongo.MessageState;
import com.clientsms.query.mongo.MongoBatch;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * How each broadcast went. {@value #BROADCASTS} holds what was asked (one document per broadcast);
 * {@value #MESSAGES} holds where each of its messages is (one document per message id). Counts by status are derived
 * from the second by aggregation, never kept as counters: handling an event twice, or replaying all of them, cannot
 * count anything twice, and a message's status only moves forward. Writes go by {@code _id} in one bulk write per
 * batch ({@link MongoBatch}).
 */
@Component
@ProcessingGroup(BroadcastOutcomeProjection.PROCESSING_GROUP)
public class BroadcastOutcomeProjection {

    public static final String PROCESSING_GROUP = "broadcast-outcomes";
    static final String BROADCASTS = "broadcast_outcomes";
    static final String MESSAGES = "broadcast_messages";

    private static final List<String> FAILED =
            List.of(DeliveryStatus.FAILED.wireName(), DeliveryStatus.UNDELIVERED.wireName());

    private final MongoTemplate mongo;

    public BroadcastOutcomeProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        createIndexes();
    }

    private void createIndexes() {
        mongo.indexOps(BROADCASTS)
                .createIndex(new Index()
                        .on("practiceId", Sort.Direction.ASC)
                        .on("requestedAt", Sort.Direction.DESC)
                        .named("practice_newest_first"));
        mongo.indexOps(MESSAGES)
                .createIndex(new Index()
                        .on("broadcastId", Sort.Direction.ASC)
                        .on(MessageState.STATUS, Sort.Direction.ASC)
                        .named("broadcast_status"));
    }

    @EventHandler
    void on(BroadcastRequested event) {
        var sender = new Document("staffId", event.sender().staffId())
                .append("username", event.sender().username())
                .append("displayName", event.sender().displayName())
                .append("role", event.sender().role().name());
        List<Document> skipped = event.skipped() == null
                ? List.of()
                : event.skipped().stream()
                        .map(s -> new Document("clientId", s.clientId())
                                .append("clientName", s.clientName())
                                .append("reason", s.reason().label()))
                        .toList();
        MongoBatch.upsert(
                collection(BROADCASTS),
                event.broadcastId(),
                Updates.combine(
                        Updates.set("practiceId", event.practiceId()),
                        Updates.set("sender", sender),
                        Updates.set("audience", event.audience().name().toLowerCase(Locale.ROOT)),
                        Updates.set("groupId", event.groupId()),
                        Updates.set("groupName", event.groupName()),
                        Updates.set("body", event.body()),
                        Updates.set("characters", event.characters()),
                        Updates.set("encoding", event.encoding().name()),
                        Updates.set("segments", event.segments()),
                        Updates.set("targeted", event.targeted()),
                        Updates.set("skipped", skipped),
                        Updates.set("requestedAt", date(event.requestedAt()))));
    }

    @EventHandler
    void on(BroadcastResendRequested event) {
        MongoBatch.upsert(
                collection(BROADCASTS),
                event.broadcastId(),
                Updates.combine(
                        Updates.set("practiceId", event.practiceId()),
                        Updates.set("resendOf", event.originalBroadcastId())));
    }

    @EventHandler
    void on(MessageRequested event) {
        if (event.broadcastId() == null) {
            return;
        }
        MongoBatch.upsert(
                collection(MESSAGES),
                event.messageId(),
                Updates.combine(
                        Updates.set("broadcastId", event.broadcastId()),
                        Updates.set("practiceId", event.practiceId()),
                        Updates.set("clientId", event.clientId()),
                        Updates.set("clientName", event.clientName()),
                        MessageState.state(DeliveryStatus.REQUESTED, event.requestedAt(), null, null)));
    }

    @EventHandler
    void on(SmsAccepted event) {
        moveForward(event.messageId(), DeliveryStatus.ACCEPTED, null, null, event.acceptedAt());
    }

    @EventHandler
    void on(SmsStatusChanged event) {
        moveForward(event.messageId(), event.status(), event.errorCode(), event.reason(), event.occurredAt());
    }

    /**
     * Only messages of a broadcast have a document here, created by their request, which the processor hands over
     * before the message's statuses (sequenced by message id): a status of a message sent to one client updates
     * nothing. The state moves with {@link MessageState}'s commuting update, so a repeated or late status, or a
     * second writer on the segment, never moves a message back.
     */
    private void moveForward(String messageId, DeliveryStatus status, String code, String reason, Instant at) {
        MongoBatch.update(collection(MESSAGES), messageId, MessageState.state(status, at, code, reason));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(BROADCASTS);
        mongo.dropCollection(MESSAGES);
        createIndexes();
    }

    @QueryHandler
    public BroadcastPage handle(FindBroadcasts query) {
        Bson filter = Filters.and(Filters.eq("practiceId", query.practiceId()), Filters.exists("requestedAt"));
        long total = collection(BROADCASTS).countDocuments(filter);
        List<Document> found = new ArrayList<>();
        collection(BROADCASTS)
                .find(filter)
                .sort(Sorts.descending("requestedAt", "_id"))
                .skip((int) Math.min(Integer.MAX_VALUE, (long) query.page() * query.size()))
                .limit(query.size())
                .into(found);
        Map<String, StatusCounts> counts =
                counts(found.stream().map(b -> b.getString("_id")).toList());
        List<BroadcastSummary> items = found.stream()
                .map(b -> {
                    Document sender = b.get("sender", Document.class);
                    return new BroadcastSummary(
                            b.getString("_id"),
                            b.getString("resendOf"),
                            sender.getString("username"),
                            sender.getString("displayName"),
                            Role.valueOf(sender.getString("role")),
                            instant(b.getDate("requestedAt")),
                            b.getString("body"),
                            b.getString("audience"),
                            b.getString("groupId"),
                            b.getString("groupName"),
                            b.getInteger("targeted", 0),
                            b.getList("skipped", Document.class, List.of()).size(),
                            counts.getOrDefault(b.getString("_id"), NONE));
                })
                .toList();
        return new BroadcastPage(items, query.page(), query.size(), total);
    }

    /** Empty for an unknown broadcast and for another practice's: those do not exist for the caller. */
    @QueryHandler
    public Optional<BroadcastOutcome> handle(FindBroadcastOutcome query) {
        return broadcast(query.practiceId(), query.broadcastId()).map(b -> {
            Document sender = b.get("sender", Document.class);
            List<BroadcastFailure> failures = new ArrayList<>();
            collection(MESSAGES)
                    .find(Filters.and(
                            Filters.eq("broadcastId", b.getString("_id")), Filters.in(MessageState.STATUS, FAILED)))
                    .sort(Sorts.ascending("clientName", "_id"))
                    .forEach(m -> failures.add(new BroadcastFailure(
                            m.getString("_id"),
                            m.getString("clientId"),
                            m.getString("clientName"),
                            MessageState.status(m),
                            MessageState.errorCode(m),
                            MessageState.reason(m),
                            MessageState.at(m))));
            return new BroadcastOutcome(
                    b.getString("_id"),
                    b.getString("resendOf"),
                    sender.getString("username"),
                    sender.getString("displayName"),
                    Role.valueOf(sender.getString("role")),
                    instant(b.getDate("requestedAt")),
                    b.getString("body"),
                    b.getInteger("characters", 0),
                    b.getString("encoding"),
                    b.getInteger("segments", 0),
                    b.getString("audience"),
                    b.getString("groupId"),
                    b.getString("groupName"),
                    b.getInteger("targeted", 0),
                    b.getList("skipped", Document.class, List.of()).stream()
                            .map(s -> new SkippedClient(
                                    s.getString("clientId"), s.getString("clientName"), s.getString("reason")))
                            .toList(),
                    counts(List.of(b.getString("_id"))).getOrDefault(b.getString("_id"), NONE),
                    failures);
        });
    }

    @QueryHandler
    public Optional<FailedRecipients> handle(FindFailedRecipients query) {
        return broadcast(query.practiceId(), query.broadcastId()).map(b -> {
            List<String> clientIds = new ArrayList<>();
            collection(MESSAGES)
                    .find(Filters.and(
                            Filters.eq("broadcastId", b.getString("_id")), Filters.in(MessageState.STATUS, FAILED)))
                    .sort(Sorts.ascending("clientName", "_id"))
                    .forEach(m -> clientIds.add(m.getString("clientId")));
            return new FailedRecipients(
                    b.getString("_id"),
                    b.getString("audience"),
                    b.getString("groupId"),
                    b.getString("groupName"),
                    b.getString("body"),
                    clientIds);
        });
    }

    private Optional<Document> broadcast(String practiceId, String broadcastId) {
        return Optional.ofNullable(collection(BROADCASTS)
                .find(Filters.and(
                        Filters.eq("_id", broadcastId),
                        Filters.eq("practiceId", practiceId),
                        Filters.exists("requestedAt")))
                .first());
    }

    private static final StatusCounts NONE = new StatusCounts(0, 0, 0, 0, 0, 0);

    private Map<String, StatusCounts> counts(List<String> broadcastIds) {
        Map<String, Map<String, Long>> byBroadcast = new HashMap<>();
        collection(MESSAGES)
                .aggregate(List.of(
                        Aggregates.match(Filters.in("broadcastId", broadcastIds)),
                        Aggregates.group(
                                new Document("broadcastId", "$broadcastId").append("status", "$" + MessageState.STATUS),
                                Accumulators.sum("count", 1))))
                .forEach(row -> {
                    Document key = row.get("_id", Document.class);
                    byBroadcast
                            .computeIfAbsent(key.getString("broadcastId"), id -> new HashMap<>())
                            .put(key.getString("status"), ((Number) row.get("count")).longValue());
                });
        Map<String, StatusCounts> counts = new HashMap<>();
        byBroadcast.forEach((id, statuses) -> counts.put(
                id,
                new StatusCounts(
                        statuses.getOrDefault("requested", 0L),
                        statuses.getOrDefault("accepted", 0L),
                        statuses.getOrDefault("sent", 0L),
                        statuses.getOrDefault("delivered", 0L),
                        statuses.getOrDefault("undelivered", 0L),
                        statuses.getOrDefault("failed", 0L))));
        return counts;
    }

    private MongoCollection<Document> collection(String name) {
        return mongo.getCollection(name);
    }
}
