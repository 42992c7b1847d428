package com.clientsms.query.rebuild;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexOperations;

/**
 * A template on the live database that gives a projection {@code <collection>__rebuild} wherever it asks for
 * {@code <collection>}, so an unchanged projection class builds its next version beside the live one. The names it
 * handed out are the collections to swap in.
 *
 * <p>Same database on purpose: renaming a collection within a database is a metadata change on MongoDB, and the
 * in-process server of the default run cannot drop a collection that was renamed across databases.
 */
class ScratchMongoTemplate extends MongoTemplate {

    static final String SUFFIX = "__rebuild";

    private final Set<String> collections = new ConcurrentSkipListSet<>();

    ScratchMongoTemplate(MongoClient client, String database) {
        super(client, database);
    }

    /** The live names of the collections the projection wrote. */
    Set<String> liveNames() {
        return collections;
    }

    static String scratchName(String liveName) {
        return liveName + SUFFIX;
    }

    private String scratch(String liveName) {
        collections.add(liveName);
        return scratchName(liveName);
    }

    @Override
    public MongoCollection<Document> getCollection(String collectionName) {
        return super.getCollection(scratch(collectionName));
    }

    @Override
    public IndexOperations indexOps(String collectionName) {
        return super.indexOps(scratch(collectionName));
    }

    @Override
    public void dropCollection(String collectionName) {
        super.dropCollection(scratch(collectionName));
    }
}
