package com.clientsms.query.audit;

import static com.clientsms.query.mongo.MongoDates.date;
import static com.clientsms.query.mongo.MongoDates.instant;

import com.clientsms.kernel.delivery.DeliveryStatus;
import com.clientsms.kernel.delivery.SmsAccepted;
import com.clientsms.kernel.delivery.SmsStatusChanged;
import com.clientsms.kernel.phone.PhoneNumber;
import com.clientsms.kernel.query.AuditEntry;
import com.clientsms.kernel.query.AuditPage;
import com.clientsms.kernel.query.FindAuditEntries;
import com.clientsms.kernel.rule.RuleViolation;
import com.clientsms.kernel.sending.MessageRequested;
import com.clientsms.kernel.staff.Role;
import com.clientsms.query.mongo.MessageState;
import com.clientsms.query.mongo.MongoBatch;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
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
 * The compliance audit log: one document per message ever requested in {@value #COLLECTION}, keyed by message id,
 * with the sender and role, the audience, the recipient, the body and its cost, and every status the carrier reported
 * with its raw code. Nothing here edits or deletes an entry except the reset that precedes a rebuild from the events.
 *
 * <p>Written like the client history ({@link MessageState}): every update commutes, so a repeated, late or concurrent
 * event changes nothing it should not, and the current status only moves forward.
 */
@Component
@ProcessingGroup(AuditLogProjection.PROCESSING_GROUP)
public class AuditLogProjection {

    public static final String PROCESSING_GROUP = "audit-log";
    static final String COLLECTION = "audit_log";

    private static final int EXPORT_BATCH = 500;

    private final MongoTemplate mongo;

    public AuditLogProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        createIndexes();
    }

    private void createIndexes() {
        mongo.indexOps(COLLECTION)
                .createIndex(new Index()
                        .on("practiceId", Sort.Direction.ASC)
                        .on("requestedAt", Sort.Direction.DESC)
                        .named("practice_newest_first"));
    }

    private MongoCollection<Document> entries() {
        return mongo.getCollection(COLLECTION);
    }

    @EventHandler
    void on(MessageRequested event, @MessageIdentifier String eventId) {
        var sender = new Document("staffId", event.sender().staffId())
                .append("username", event.sender().username())
                .append("displayName", event.sender().displayName())
                .append("role", event.sender().role().name());
        MongoBatch.upsert(
                entries(),
                event.messageId(),
                Updates.combine(
                        Updates.set("practiceId", event.practiceId()),
                        Updates.set("requestedAt", date(event.requestedAt())),
                        Updates.set("sender", sender),
                        Updates.set("audience", event.audience().name().toLowerCase(Locale.ROOT)),
                        Updates.set("broadcastId", event.broadcastId()),
                        Updates.set("groupId", event.groupId()),
                        Updates.set("clientId", event.clientId()),
                        Updates.set("clientName", event.clientName()),
                        Updates.set("to", event.to()),
                        Updates.set("body", event.body()),
                        Updates.set("characters", event.characters()),
                        Updates.set("encoding", event.encoding().name()),
                        Updates.set("segments", event.segments()),
                        MessageState.reached(DeliveryStatus.REQUESTED, event.requestedAt(), null, null, eventId)));
    }

    @EventHandler
    void on(SmsAccepted event, @MessageIdentifier String eventId) {
        reached(
                event.messageId(),
                event.practiceId(),
                event.providerMessageId(),
                MessageState.reached(DeliveryStatus.ACCEPTED, event.acceptedAt(), null, null, eventId));
    }

    @EventHandler
    void on(SmsStatusChanged event, @MessageIdentifier String eventId) {
        reached(
                event.messageId(),
                event.practiceId(),
                event.providerMessageId(),
                MessageState.reached(event.status(), event.occurredAt(), event.errorCode(), event.reason(), eventId));
    }

    /** As in the client history: every report joins the timeline; the state only ever moves forward. */
    private void reached(String messageId, String practiceId, String providerMessageId, Bson reached) {
        Document findBy = new Document("practiceId", practiceId);
        MongoBatch.upsert(entries(), messageId, MessageState.reported(reached, providerMessageId, findBy));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(COLLECTION);
        createIndexes();
    }

    @QueryHandler
    public AuditPage handle(FindAuditEntries query) {
        Bson filter = filter(query);
        long total = entries().countDocuments(filter);
        List<AuditEntry> items = new ArrayList<>(query.size());
        entries()
                .find(filter)
                .sort(NEWEST_FIRST)
                .skip((int) Math.min(Integer.MAX_VALUE, (long) query.page() * query.size()))
                .limit(query.size())
                .forEach(document -> items.add(toEntry(document, query.revealNumbers())));
        return new AuditPage(items, query.page(), query.size(), total);
    }

    private static final Bson NEWEST_FIRST = Sorts.descending("requestedAt", "_id");

    /**
     * Hands the whole selection, newest first, to {@code sink} one entry at a time straight from a MongoDB cursor:
     * nothing is collected, so an export of millions of entries needs no more memory than one batch.
     */
    public long export(FindAuditEntries query, Consumer<AuditEntry> sink) {
        long count = 0;
        try (MongoCursor<Document> cursor = entries()
                .find(filter(query))
                .sort(NEWEST_FIRST)
                .batchSize(EXPORT_BATCH)
                .iterator()) {
            while (cursor.hasNext()) {
                sink.accept(toEntry(cursor.next(), query.revealNumbers()));
                count++;
            }
        }
        return count;
    }

    static Bson filter(FindAuditEntries query) {
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.eq("practiceId", query.practiceId()));
        // Only complete entries: a status can be handled a moment before its request on another segment.
        filters.add(Filters.exists("requestedAt"));
        if (query.from() != null) {
            filters.add(Filters.gte("requestedAt", date(query.from())));
        }
        if (query.to() != null) {
            filters.add(Filters.lt("requestedAt", date(query.to())));
        }
        if (query.sender() != null) {
            filters.add(Filters.eq("sender.username", query.sender()));
        }
        if (query.clientId() != null) {
            filters.add(Filters.eq("clientId", query.clientId()));
        }
        if (query.audience() != null) {
            filters.add(Filters.eq("audience", query.audience().toLowerCase(Locale.ROOT)));
        }
        if (query.status() != null) {
            filters.add(Filters.eq(MessageState.STATUS, query.status().toLowerCase(Locale.ROOT)));
        }
        return Filters.and(filters);
    }

    private static AuditEntry toEntry(Document entry, boolean revealNumbers) {
        Document sender = entry.get("sender", Document.class);
        String to = entry.getString("to");
        return new AuditEntry(
                entry.getString("_id"),
                instant(entry.getDate("requestedAt")),
                sender.getString("username"),
                sender.getString("displayName"),
                Role.valueOf(sender.getString("role")),
                entry.getString("audience"),
                entry.getString("broadcastId"),
                entry.getString("groupId"),
                entry.getString("clientId"),
                entry.getString("clientName"),
                revealNumbers || to == null ? to : masked(to),
                entry.getString("body"),
                entry.getInteger("characters", 0),
                entry.getString("encoding"),
                entry.getInteger("segments", 0),
                MessageState.status(entry),
                MessageState.errorCode(entry),
                MessageState.reason(entry),
                MessageState.timeline(entry));
    }

    private static String masked(String mobile) {
        try {
            return new PhoneNumber(mobile).masked();
        } catch (RuleViolation notE164) {
            return PhoneNumber.mask(mobile);
        }
    }
}
