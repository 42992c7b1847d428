package com.clientsms.query.support;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The in-process MongoDB wire server the default run uses, bound to a free local port; one database per test. */
public final class InProcessMongo implements AutoCloseable {

    private final MongoServer server;
    private final String connectionString;
    private final MongoClient client;

    public InProcessMongo() {
        server = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
        server.bind("127.0.0.1", 0);
        connectionString = server.getConnectionString();
        client = MongoClients.create(connectionString);
    }

    public String connectionString() {
        return connectionString;
    }

    public MongoClient client() {
        return client;
    }

    public MongoTemplate freshDatabase() {
        return MongoDatabases.fresh(client);
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
