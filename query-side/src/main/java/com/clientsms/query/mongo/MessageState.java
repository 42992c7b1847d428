package com.clientsms.query.mongo;

import static com.clientsms.query.mongo.MongoDates.date;
import static com.clientsms.query.mongo.MongoDates.instant;

import com.clientsms.kernel.delivery.DeliveryStatus;
import com.clientsms.kernel.query.TimelineEntry;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Where a message stands, as the message projections (client history, audit log) store it: a {@value #STATE}
 * sub-document and a {@value #TIMELINE} of every status event seen.
 *
 * <p>Every update here commutes: applying the same events in any order, any number of times, from any number of
 * writers at once leaves the same document. The timeline is a set ({@code $addToSet} of entries that carry their event
 * id). The state is kept with {@code $min} over {@code {stepsLeft, at, status, errorCode, reason}}, which MongoDB
 * compares field by field: the status furthest on the way to the handset wins, and of two final statuses the one the
 * carrier reported first. No write depends on a document read beforehand, so two instances that briefly handle the
 * same segment (a claim taken over from a starved owner) cannot move a message backwards, and each write addresses its
 * document by {@code _id} alone, the filter every MongoDB answers from an index.
 */
public final class MessageState {

    public static final String STATE = "state";
    public static final String TIMELINE = "timeline";
    /** The path of the current status, for filters. */
    public static final String STATUS = STATE + ".status";

    private MessageState() {}

    /**
     * The update recording that the message reached {@code status}: the state moves there unless it is already as far
     * on, and the entry joins the timeline either way.
     */
    public static Bson reached(DeliveryStatus status, Instant at, String errorCode, String reason, String eventId) {
        Document entry = new Document("status", status.wireName())
                .append("at", date(at))
                .append("code", errorCode)
                .append("reason", reason)
                .append("eventId", eventId);
        return Updates.combine(state(status, at, errorCode, reason), Updates.addToSet(TIMELINE, entry));
    }

    /**
     * A delivery report's whole update: {@code reached}, the carrier's message id when the report carries one, and the
     * fields (those not null) that a document created by the report needs to be found, since a report can come before
     * its request.
     */
    public static Bson reported(Bson reached, String providerMessageId, Document findBy) {
        List<Bson> update = new ArrayList<>();
        update.add(reached);
        findBy.forEach((field, value) -> {
            if (value != null) {
                update.add(Updates.setOnInsert(field, value));
            }
        });
        if (providerMessageId != null) {
            update.add(Updates.set("providerMessageId", providerMessageId));
        }
        return Updates.combine(update);
    }

    /** The state alone, for a projection that keeps no timeline: it moves there unless already as far on. */
    public static Bson state(DeliveryStatus status, Instant at, String errorCode, String reason) {
        return Updates.min(
                STATE,
                new Document("stepsLeft", DeliveryStatus.DELIVERED.rank() - status.rank())
                        .append("at", date(at))
                        .append("status", status.wireName())
                        .append("errorCode", errorCode)
                        .append("reason", reason));
    }

    public static String status(Document message) {
        return state(message).getString("status");
    }

    public static String errorCode(Document message) {
        return state(message).getString("errorCode");
    }

    public static String reason(Document message) {
        return state(message).getString("reason");
    }

    /** When the current status was reached, as the carrier or our side reported it. */
    public static Instant at(Document message) {
        return instant(state(message).getDate("at"));
    }

    /** The timeline in the order things happened (by time, then by step for reports of the same moment). */
    public static List<TimelineEntry> timeline(Document message) {
        return message.getList(TIMELINE, Document.class, List.of()).stream()
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
    }

    private static Document state(Document message) {
        Document state = message.get(STATE, Document.class);
        return state != null ? state : new Document();
    }
}
