package com.clientsms.app.embedded;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs a real PostgreSQL from Maven-shipped binaries when no external database is configured, with its data under
 * the application's data directory. It runs durable (fsync and synchronous commit on): a message answered with 202
 * must survive a crash of the machine.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "spring.datasource", name = "url", havingValue = "embedded", matchIfMissing = true)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(
            @Value("${clientsms.data-dir}") Path dataDir,
            @Value("${clientsms.embedded.postgres.durable:true}") boolean durable)
            throws IOException {
        Path pgData = dataDir.resolve("postgres").toAbsolutePath();
        Path runtime = dataDir.resolve("postgres-runtime").toAbsolutePath();
        Files.createDirectories(pgData);
        Files.createDirectories(runtime);
        LeftoverPostgres.stopIfRunning(pgData);
        log.info("Starting embedded PostgreSQL with data in {} (durable: {})", pgData, durable);
        return EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(runtime.toFile())
                // TCP on localhost only: a socket path under a deep data directory can exceed the 107-byte limit.
                .setServerConfig("unix_socket_directories", "")
                .setServerConfig("fsync", durable ? "on" : "off")
                .setServerConfig("synchronous_commit", durable ? "on" : "off")
                .setServerConfig("full_page_writes", durable ? "on" : "off")
                .setServerConfig("max_connections", "100")
                .setPGStartupWait(Duration.ofSeconds(60))
                .setRegisterShutdownHook(false)
                .start();
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres, @Value("${clientsms.embedded.postgres.pool-size:10}") int pool) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true");
        config.setUsername("postgres");
        config.setMaximumPoolSize(pool);
        config.setPoolName("embedded-postgres");
        return new HikariDataSource(config);
    }
}
