package com.clientsms.query.history;

import static com.clientsms.query.mongo.MongoDates.date;
import static com.clientsms.query.mongo.MongoDates.instant;

import com.clientsms.kernel.delivery.DeliveryStatus;
import com.clientsms.kernel.delivery.SmsAccepted;
import com.clientsms.kernel.delivery.SmsStatusChanged;
import com.clientsms.kernel.query.ClientHistoryPage;
import com.clientsms.kernel.query.FindClientHistory;
import com.clientsms.kernel.query.MessageView;
import com.clientsms.kernel.sending.MessageRequested;
import com.clientsms.kernel.staff.Role;
import com.clientsms.query.mongo.MessageState;
import com.clientsms.query.mongo.MongoBatch;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * <p>Each event is one write by message id, sent with the rest of its batch ({@link MongoBatch}), and every write
 * commutes with the others ({@link MessageState}): handling an event again, out of order, or on two instances at once
 * leaves the same document. The timeline records every status event the projection sees, sorted by time when read; the
 * state is the furthest status reached. The delivery aggregate never records a backward move, so a late report
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
        // A status event may have created the document first (another segment): the request only fills in what it
        // says, and its state never replaces one further on.
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
                        MessageState.reached(DeliveryStatus.REQUESTED, event.requestedAt(), null, null, eventId)));
    }

    @EventHandler
    void on(SmsAccepted event, @MessageIdentifier String eventId) {
        reached(
                event.messageId(),
                event.practiceId(),
                event.clientId(),
                event.providerMessageId(),
                MessageState.reached(DeliveryStatus.ACCEPTED, event.acceptedAt(), null, null, eventId));
    }

    @EventHandler
    void on(SmsStatusChanged event, @MessageIdentifier String eventId) {
        reached(
                event.messageId(),
                event.practiceId(),
                event.clientId(),
                event.providerMessageId(),
                MessageState.reached(event.status(), event.occurredAt(), event.errorCode(), event.reason(), eventId));
    }

    /** A delivery event; it also creates the document, with enough to find it, if it comes before its request. */
    private void reached(String messageId, String practiceId, String clientId, String providerMessageId, Bson reached) {
        Document findBy = new Document("practiceId", practiceId).append("clientId", clientId);
        MongoBatch.upsert(messages(), messageId, MessageState.reported(reached, providerMessageId, findBy));
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
                MessageState.status(message),
                MessageState.reason(message),
                MessageState.errorCode(message),
                message.getInteger("characters", 0),
                message.getString("encoding"),
                message.getInteger("segments", 0),
                MessageState.timeline(message));
    }
}
