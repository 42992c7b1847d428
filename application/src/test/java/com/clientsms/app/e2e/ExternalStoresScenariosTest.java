package com.clientsms.app.e2e;

import com.clientsms.app.ClientSmsApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The same scenarios against a real PostgreSQL and a real MongoDB, as production runs. Needs a Docker engine; where
 * there is none the class is skipped (Testcontainers logs that it found no Docker environment).
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(
        classes = ClientSmsApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "clientsms.data-dir=target/e2e/external-scenarios",
            "clientsms.simulator.report-delay=20ms",
            "clientsms.simulator.undelivered-rate=0",
            "clientsms.simulator.failed-rate=0"
        })
class ExternalStoresScenariosTest extends SendingScenarios {

    @Container
    static final PostgreSQLContainer<?> POSTGRES = new PostgreSQLContainer<>("postgres:17-alpine");

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", POSTGRES::getJdbcUrl);
        registry.add("spring.datasource.username", POSTGRES::getUsername);
        registry.add("spring.datasource.password", POSTGRES::getPassword);
        registry.add("spring.data.mongodb.uri", () -> MONGO.getReplicaSetUrl("clientsms"));
    }
}
