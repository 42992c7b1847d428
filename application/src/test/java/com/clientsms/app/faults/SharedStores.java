package com.clientsms.app.faults;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The stores the application instances share, started once in the test's JVM so that they outlive every kill of an
 * instance: a real PostgreSQL (events, sagas, the saga's tokens, the send ledger, deadlines) and a MongoDB wire server
 * (read models and their tokens). MongoDB is reached through a {@link TcpProxy}, so that a scenario can cut it off.
 */
final class SharedStores implements AutoCloseable {

    static final String MONGO_DATABASE = "clientsms";

    private final EmbeddedPostgres postgres;
    private final MongoServer mongo;
    private final TcpProxy mongoProxy;

    SharedStores(Path runDir) throws IOException {
        Path pgData = runDir.resolve("postgres");
        Path pgRuntime = runDir.resolve("postgres-runtime");
        Files.createDirectories(pgData);
        Files.createDirectories(pgRuntime);
        // Not durable (fsync off): these tests kill the application, never the machine.
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(true)
                .setOverrideWorkingDirectory(pgRuntime.toFile())
                .setServerConfig("unix_socket_directories", "")
                .setServerConfig("max_connections", "200")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        mongo = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
        mongo.bind("127.0.0.1", 0);
        mongoProxy = new TcpProxy(mongo.getLocalAddress());
    }

    /** What an application instance is given to use these stores instead of its embedded ones. */
    String[] applicationArguments() {
        return new String[] {
            "--spring.datasource.url=jdbc:postgresql://localhost:" + postgres.getPort()
                    + "/postgres?reWriteBatchedInserts=true",
            "--spring.datasource.username=postgres",
            "--spring.data.mongodb.uri=mongodb://127.0.0.1:" + mongoProxy.port() + "/" + MONGO_DATABASE
                    + "?serverSelectionTimeoutMS=5000&connectTimeoutMS=2000",
        };
    }

    Connection postgres() throws SQLException {
        return postgres.getPostgresDatabase().getConnection();
    }

    /** The MongoDB wire server itself, not through the proxy: the test reads the models even during an outage. */
    String mongoConnectionString() {
        return mongo.getConnectionString();
    }

    TcpProxy mongoProxy() {
        return mongoProxy;
    }

    @Override
    public void close() throws IOException {
        mongoProxy.close();
        mongo.shutdownNow();
        postgres.close();
    }
}
