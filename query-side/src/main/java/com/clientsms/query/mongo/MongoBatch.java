package com.clientsms.query.mongo;

import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The write path of the message projections. While a batch is open on the current thread (an event processor's batch,
 * or a stretch of a rebuild), writes are collected and sent as one ordered bulk write per collection when the batch is
 * flushed; with no batch open, each write goes at once. A round trip per event, not per batch, is what limited the
 * projections.
 *
 * <p>Every write addresses one document by {@code _id}, the only filter the in-process MongoDB answers from an index
 * (a filter on {@code _id} and {@code statusRank} together scanned the whole collection for each event). Whether a
 * status moves a document forward is therefore decided here: the ranks of the documents a batch moves are read with
 * one query, then followed through the batch's own writes in order, so each write is chosen exactly as the guarded
 * update {@code {_id, statusRank < rank}} would have matched it one event at a time. That needs one writer per
 * document, which the processors' per-message sequencing gives.
 */
public final class MongoBatch {

    private static final ThreadLocal<MongoBatch> OPEN = new ThreadLocal<>();
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final BulkWriteOptions IN_ORDER = new BulkWriteOptions().ordered(true);
    private static final int IDS_PER_QUERY = 1000;
    /** The rank of a document without one: nothing moves it forward, as {@code statusRank < n} never matches it. */
    private static final int NO_RANK = Integer.MAX_VALUE;

    private final Map<MongoNamespace, Writes> pending = new LinkedHashMap<>();

    private MongoBatch() {}

    /** Collects this thread's writes from now on, until {@link #close()}. */
    public static void open() {
        if (OPEN.get() == null) {
            OPEN.set(new MongoBatch());
        }
    }

    /** Sends the writes collected so far; the batch stays open. */
    public static void flush() {
        MongoBatch batch = OPEN.get();
        if (batch != null) {
            batch.write();
        }
    }

    /** Drops what was not flushed (a failed batch is handled again from its first event) and stops collecting. */
    public static void close() {
        OPEN.remove();
    }

    /**
     * Updates the document with this id, creating it if missing.
     *
     * @param insertedRank the {@code statusRank} the update gives a document it creates
     */
    public static void upsert(MongoCollection<Document> collection, String id, Bson update, int insertedRank) {
        add(collection, new Upsert(id, update, insertedRank));
    }

    /**
     * Applies {@code forward} when the document exists with a {@code statusRank} below {@code rank}; otherwise applies
     * {@code otherwise} as an upsert (a document it creates has that rank), or nothing when {@code otherwise} is null.
     */
    public static void moveForward(
            MongoCollection<Document> collection, String id, int rank, Bson forward, Bson otherwise) {
        add(collection, new Forward(id, rank, forward, otherwise));
    }

    private static void add(MongoCollection<Document> collection, Write write) {
        MongoBatch batch = OPEN.get();
        MongoBatch target = batch != null ? batch : new MongoBatch();
        target.pending
                .computeIfAbsent(collection.getNamespace(), namespace -> new Writes(collection))
                .list
                .add(write);
        if (batch == null) {
            target.write();
        }
    }

    private void write() {
        try {
            for (Writes writes : pending.values()) {
                writes.send();
            }
        } finally {
            pending.clear();
        }
    }

    private sealed interface Write permits Upsert, Forward {
        String id();
    }

    private record Upsert(String id, Bson update, int insertedRank) implements Write {}

    private record Forward(String id, int rank, Bson forward, Bson otherwise) implements Write {}

    private static final class Writes {
        final MongoCollection<Document> collection;
        final List<Write> list = new ArrayList<>();

        Writes(MongoCollection<Document> collection) {
            this.collection = collection;
        }

        void send() {
            Map<String, Integer> ranks = currentRanks();
            List<WriteModel<Document>> models = new ArrayList<>(list.size());
            for (Write write : list) {
                Bson byId = Filters.eq("_id", write.id());
                if (write instanceof Upsert upsert) {
                    models.add(new UpdateOneModel<>(byId, upsert.update(), UPSERT));
                    ranks.putIfAbsent(upsert.id(), upsert.insertedRank());
                } else if (write instanceof Forward forward) {
                    Integer current = ranks.get(forward.id());
                    if (current != null && current < forward.rank()) {
                        models.add(new UpdateOneModel<>(byId, forward.forward()));
                        ranks.put(forward.id(), forward.rank());
                    } else if (forward.otherwise() != null) {
                        models.add(new UpdateOneModel<>(byId, forward.otherwise(), UPSERT));
                        ranks.putIfAbsent(forward.id(), forward.rank());
                    }
                }
            }
            if (!models.isEmpty()) {
                collection.bulkWrite(models, IN_ORDER);
            }
        }

        /** The ranks stored now of the documents this batch may move forward; a missing document has no entry. */
        private Map<String, Integer> currentRanks() {
            Set<String> ids = new LinkedHashSet<>();
            list.stream().filter(Forward.class::isInstance).forEach(write -> ids.add(write.id()));
            Map<String, Integer> ranks = new HashMap<>();
            List<String> chunk = new ArrayList<>(Math.min(ids.size(), IDS_PER_QUERY));
            for (String id : ids) {
                chunk.add(id);
                if (chunk.size() == IDS_PER_QUERY) {
                    readRanks(chunk, ranks);
                    chunk.clear();
                }
            }
            if (!chunk.isEmpty()) {
                readRanks(chunk, ranks);
            }
            return ranks;
        }

        private void readRanks(List<String> ids, Map<String, Integer> ranks) {
            collection
                    .find(Filters.in("_id", ids))
                    .projection(Projections.include("statusRank"))
                    .forEach(document -> ranks.put(
                            String.valueOf(document.get("_id")),
                            document.get("statusRank") instanceof Number rank ? rank.intValue() : NO_RANK));
        }
    }
}
