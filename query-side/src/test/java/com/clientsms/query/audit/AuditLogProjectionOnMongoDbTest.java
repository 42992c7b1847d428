package com.clientsms.query.audit;

import com.clientsms.query.support.MongoDatabases;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The projection on a real MongoDB, as production runs it. Skipped where no Docker engine is available. */
@Testcontainers(disabledWithoutDocker = true)
class AuditLogProjectionOnMongoDbTest extends AuditLogProjectionContract {

    @Container
    private static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

    private static MongoClient client;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(MONGO.getConnectionString());
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @Override
    MongoTemplate freshDatabase() {
        return MongoDatabases.fresh(client);
    }
}
