package com.clientsms.query.support;

import com.mongodb.client.MongoClient;
import java.util.UUID;
import org.springframework.data.mongodb.core.MongoTemplate;

/** A database of its own for each test, so tests never see each other's documents. */
public final class MongoDatabases {

    private MongoDatabases() {}

    public static MongoTemplate fresh(MongoClient client) {
        return new MongoTemplate(client, "test-" + UUID.randomUUID());
    }
}
