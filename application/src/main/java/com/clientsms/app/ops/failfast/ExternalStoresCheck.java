package com.clientsms.app.ops.failfast;

import com.mongodb.client.MongoClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An external MongoDB must answer at start-up: the driver connects lazily, so without this check an unreachable
 * MongoDB would let the application start and its projections fail in the background. PostgreSQL needs no such check:
 * Flyway connects before anything else starts. Both stores get a short connect timeout
 * (clientsms.stores.connect-timeout) so that a wrong address fails in seconds.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.data.mongodb.uri:embedded}' != 'embedded'")
class ExternalStoresCheck {

    @Bean
    MongoClientSettingsBuilderCustomizer shortMongoTimeouts(
            @Value("${clientsms.stores.connect-timeout:5s}") Duration timeout) {
        return settings -> settings.applyToClusterSettings(
                        cluster -> cluster.serverSelectionTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS));
    }

    @Bean
    InitializingBean mongoAnswers(MongoClient client) {
        return () -> client.getDatabase("admin").runCommand(new Document("ping", 1));
    }
}
