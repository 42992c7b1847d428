package com.clientsms.app.ops.health;

import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Replaces Boot's MongoDB health check, whose {@code hello} command the MongoDB wire-protocol server (in-process on the
 * embedded default, or standing alone in tests and small installations) does not answer, with a {@code ping} that
 * every MongoDB answers: readiness then reflects whether the read-model store really answers, whichever it is.
 */
@Configuration(proxyBeanMethods = false)
class MongoHealthConfiguration {

    @Bean
    HealthIndicator mongoHealthIndicator(MongoClient client) {
        return () -> {
            try {
                client.getDatabase("admin").runCommand(new Document("ping", 1));
                return Health.up().build();
            } catch (RuntimeException e) {
                return Health.down(e).build();
            }
        };
    }
}
