package com.clientsms.query.history;

import static com.clientsms.query.mongo.MongoDates.date;
import static com.clientsms.query.mongo.MongoDates.instant;

import com.clientsms.kernel.delivery.DeliveryStatus;
import com.clientsms.kernel.delivery.SmsAccepted;
import com.clientsms.kernel.delivery.SmsStatusChanged;
import com.clientsms.kernel.query.ClientHistoryPage;
import com.clientsms.kernel.query.FindClientHistory;
import com.clientsms.kernel.query.MessageView;
import com.clientsms.kernel.query.TimelineEntry;
import com.clientsms.kernel.sending.MessageRequested;
import com.clientsms.kernel.staff.Role;
import com.clientsms.query.mongo.MongoBatch;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * The history of each client's messages: one document per message in {@value #COLLECTION}, keyed by message id.
 *
 * <p>Each event is one idempotent write by message id, sent with the rest of its batch ({@link MongoBatch}):
 * timeline entries are added with {@code $addToSet} (an entry is built only from its event, id included, so handling
 * an event again adds nothing), and the status fields only change when the new status ranks above the stored one. The timeline records every status event the projection sees, sorted by time when read;
 * {@code status} is the furthest one reached. The delivery aggregate never records a backward move, so a late report
 * normally never reaches the timeline either.
 */
@Component
@ProcessingGroup(ClientHistoryProjection.PROCESSING_GROUP)
public class ClientHistoryProjection {

    public static final String PROCESSING_GROUP = "client-history";
    static final String COLLECTION = "client_history";

    private final MongoTemplate mongo;

    public ClientHistoryProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        createIndexes();
    }

    private void createIndexes() {
        mongo.indexOps(COLLECTION)
                .createIndex(new Index()
                        .on("practiceId", Sort.Direction.ASC)
                        .on("clientId", Sort.Direction.ASC)
                        .on("requestedAt", Sort.Direction.DESC)
                        .named("client_newest_first"));
    }

    private MongoCollection<Document> messages() {
        return mongo.getCollection(COLLECTION);
    }

    @EventHandler
    void on(MessageRequested event, @MessageIdentifier String eventId) {
        var sender = new Document("staffId", event.sender().staffId())
                .append("username", event.sender().username())
                .append("displayName", event.sender().displayName())
                .append("role", event.sender().role().name());
        // A status event may have created the document first (another segment), so only fill in what a request says
        // and never reset the status it already reached.
        MongoBatch.upsert(
                messages(),
                event.messageId(),
                Updates.combine(
                        Updates.set("practiceId", event.practiceId()),
                        Updates.set("clientId", event.clientId()),
                        Updates.set("clientName", event.clientName()),
                        Updates.set("body", event.body()),
                        Updates.set("sender", sender),
                        Updates.set("audience", event.audience().name().toLowerCase(Locale.ROOT)),
                        Updates.set("broadcastId", event.broadcastId()),
                        Updates.set("groupId", event.groupId()),
                        Updates.set("requestedAt", date(event.requestedAt())),
                        Updates.set("characters", event.characters()),
                        Updates.set("encoding", event.encoding().name()),
                        Updates.set("segments", event.segments()),
                        Updates.setOnInsert("status", DeliveryStatus.REQUESTED.wireName()),
                        Updates.setOnInsert("statusRank", DeliveryStatus.REQUESTED.rank()),
                        Updates.addToSet(
                                "timeline",
                                timelineEntry(DeliveryStatus.REQUESTED, event.requestedAt(), null, null, eventId))),
                DeliveryStatus.REQUESTED.rank());
    }

    @EventHandler
    void on(SmsAccepted event, @MessageIdentifier String eventId) {
        moveForward(
                event.messageId(),
                event.practiceId(),
                event.clientId(),
                DeliveryStatus.ACCEPTED,
                null,
                null,
                event.providerMessageId(),
                timelineEntry(DeliveryStatus.ACCEPTED, event.acceptedAt(), null, null, eventId));
    }

    @EventHandler
    void on(SmsStatusChanged event, @MessageIdentifier String eventId) {
        moveForward(
                event.messageId(),
                event.practiceId(),
                event.clientId(),
                event.status(),
                event.errorCode(),
                event.reason(),
                event.providerMessageId(),
                timelineEntry(event.status(), event.occurredAt(), event.errorCode(), event.reason(), eventId));
    }

    /**
     * When the status moves forward (the normal case) the status fields change and the entry joins the timeline. When
     * it does not (a repeated or late event), only the entry is recorded in the timeline; that update also creates the
     * document if the status arrived before its request.
     */
    private void moveForward(
            String messageId,
            String practiceId,
            String clientId,
            DeliveryStatus status,
            String errorCode,
            String reason,
            String providerMessageId,
            Document entry) {
        Map<String, Object> statusFields = new LinkedHashMap<>();
        statusFields.put("status", status.wireName());
        statusFields.put("statusRank", status.rank());
        statusFields.put("errorCode", errorCode);
        statusFields.put("reason", reason);
        if (providerMessageId != null) {
            statusFields.put("providerMessageId", providerMessageId);
        }
        List<Bson> forward = new ArrayList<>();
        statusFields.forEach((field, value) -> forward.add(Updates.set(field, value)));
        forward.add(Updates.addToSet("timeline", entry));
        List<Bson> recordOnly = new ArrayList<>();
        recordOnly.add(Updates.addToSet("timeline", entry));
        recordOnly.add(Updates.setOnInsert("practiceId", practiceId));
        recordOnly.add(Updates.setOnInsert("clientId", clientId));
        statusFields.forEach((field, value) -> recordOnly.add(Updates.setOnInsert(field, value)));
        MongoBatch.moveForward(
                messages(), messageId, status.rank(), Updates.combine(forward), Updates.combine(recordOnly));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(COLLECTION);
        createIndexes();
    }

    @QueryHandler
    ClientHistoryPage handle(FindClientHistory query) {
        Bson filter = Filters.and(
                Filters.eq("practiceId", query.practiceId()),
                Filters.eq("clientId", query.clientId()),
                Filters.exists("requestedAt"));
        long total = messages().countDocuments(filter);
        List<MessageView> items = new ArrayList<>(query.size());
        messages()
                .find(filter)
                .sort(Sorts.descending("requestedAt", "_id"))
                .skip((int) Math.min(Integer.MAX_VALUE, (long) query.page() * query.size()))
                .limit(query.size())
                .forEach(document -> items.add(toView(document)));
        return new ClientHistoryPage(items, query.page(), query.size(), total);
    }

    private static MessageView toView(Document message) {
        Document sender = message.get("sender", Document.class);
        List<TimelineEntry> timeline = message.getList("timeline", Document.class, List.of()).stream()
                .sorted(Comparator.comparing((Document entry) -> entry.getDate("at"))
                        .thenComparing(entry -> DeliveryStatus.valueOf(
                                        entry.getString("status").toUpperCase(Locale.ROOT))
                                .rank()))
                .map(entry -> new TimelineEntry(
                        entry.getString("status"),
                        instant(entry.getDate("at")),
                        entry.getString("code"),
                        entry.getString("reason")))
                .toList();
        return new MessageView(
                message.getString("_id"),
                message.getString("clientId"),
                message.getString("clientName"),
                message.getString("body"),
                sender.getString("username"),
                sender.getString("displayName"),
                Role.valueOf(sender.getString("role")),
                message.getString("audience"),
                message.getString("broadcastId"),
                instant(message.getDate("requestedAt")),
                message.getString("status"),
                message.getString("reason"),
                message.getString("errorCode"),
                message.getInteger("characters", 0),
                message.getString("encoding"),
                message.getInteger("segments", 0),
                timeline);
    }

    private static Document timelineEntry(
            DeliveryStatus status, Instant at, String code, String reason, String eventId) {
        return new Document("status", status.wireName())
                .append("at", date(at))
                .append("code", code)
                .append("reason", reason)
                .append("eventId", eventId);
    }
}
