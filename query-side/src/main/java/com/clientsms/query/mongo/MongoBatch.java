package com.clientsms.query.mongo;

import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The write path of the message projections. While a batch is open on the current thread (an event processor's batch,
 * or a stretch of a rebuild), writes are collected and sent as one bulk write per collection when the batch is flushed;
 * with no batch open, each write goes at once. A round trip per event, not per batch, is what limited the projections.
 *
 * <p>Every write is an upsert addressed by {@code _id} alone (the only filter the in-process MongoDB answers from an
 * index) whose update commutes with the others ({@link MessageState}): nothing here reads a document to decide a write,
 * so a repeated batch, events out of order, or a second writer on the same documents changes nothing.
 */
public final class MongoBatch {

    private static final ThreadLocal<MongoBatch> OPEN = new ThreadLocal<>();
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    /**
     * In the order they were made: updates commute, but an update that creates nothing must come after the upsert
     * that creates its document (a message's request, then its statuses).
     */
    private static final BulkWriteOptions IN_ORDER = new BulkWriteOptions().ordered(true);

    private static final UpdateOptions EXISTING_ONLY = new UpdateOptions();

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

    /** Updates the document with this id, creating it if missing; {@code update} must commute with the others. */
    public static void upsert(MongoCollection<Document> collection, String id, Bson update) {
        add(collection, new UpdateOneModel<>(Filters.eq("_id", id), update, UPSERT));
    }

    /** Updates the document with this id if there is one; {@code update} must commute with the others. */
    public static void update(MongoCollection<Document> collection, String id, Bson update) {
        add(collection, new UpdateOneModel<>(Filters.eq("_id", id), update, EXISTING_ONLY));
    }

    private static void add(MongoCollection<Document> collection, WriteModel<Document> write) {
        MongoBatch batch = OPEN.get();
        MongoBatch target = batch != null ? batch : new MongoBatch();
        target.pending
                .computeIfAbsent(collection.getNamespace(), namespace -> new Writes(collection))
                .models
                .add(write);
        if (batch == null) {
            target.write();
        }
    }

    private void write() {
        try {
            for (Writes writes : pending.values()) {
                if (!writes.models.isEmpty()) {
                    writes.collection.bulkWrite(writes.models, IN_ORDER);
                }
            }
        } finally {
            pending.clear();
        }
    }

    private static final class Writes {
        final MongoCollection<Document> collection;
        final List<WriteModel<Document>> models = new ArrayList<>();

        Writes(MongoCollection<Document> collection) {
            this.collection = collection;
        }
    }
}
