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
 * so the order of the writes, a repeated batch, or a second writer on the same documents changes nothing.
 */
public final class MongoBatch {

    private static final ThreadLocal<MongoBatch> OPEN = new ThreadLocal<>();
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    /** Updates commute, so the server may apply them in any order and need not stop at the first failure. */
    private static final BulkWriteOptions ANY_ORDER = new BulkWriteOptions().ordered(false);

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
        MongoBatch batch = OPEN.get();
        MongoBatch target = batch != null ? batch : new MongoBatch();
        target.pending
                .computeIfAbsent(collection.getNamespace(), namespace -> new Writes(collection))
                .models
                .add(new UpdateOneModel<>(Filters.eq("_id", id), update, UPSERT));
        if (batch == null) {
            target.write();
        }
    }

    private void write() {
        try {
            for (Writes writes : pending.values()) {
                if (!writes.models.isEmpty()) {
                    writes.collection.bulkWrite(writes.models, ANY_ORDER);
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
