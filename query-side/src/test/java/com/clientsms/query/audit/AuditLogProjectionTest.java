package com.clientsms.query.audit;

import com.clientsms.query.support.InProcessMongo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The projection on the in-process MongoDB server of the default run and the test suite. */
class AuditLogProjectionTest extends AuditLogProjectionContract {

    private static InProcessMongo mongo;

    @BeforeAll
    static void startServer() {
        mongo = new InProcessMongo();
    }

    @AfterAll
    static void stopServer() {
        mongo.close();
    }

    @Override
    MongoTemplate freshDatabase() {
        return mongo.freshDatabase();
    }
}
