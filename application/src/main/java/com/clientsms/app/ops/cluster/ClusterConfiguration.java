package com.clientsms.app.ops.cluster;

import java.time.Duration;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Cluster mode: heartbeats and the sharing-out of event processor segments between live instances, and lost races on
 * an aggregate recognised as such.
 */
@Configuration(proxyBeanMethods = false)
class ClusterConfiguration {

    @Bean
    PersistenceExceptionResolver postgresDuplicateKeys() {
        return new PostgresDuplicateKeys();
    }

    @Bean
    ClusterMembership clusterMembership(
            JdbcTemplate jdbc,
            EventProcessingConfiguration processing,
            @Value("${clientsms.cluster.heartbeat-interval:5s}") Duration interval,
            @Value("${clientsms.cluster.instance-id:}") String instanceId) {
        return new ClusterMembership(jdbc, processing, interval, instanceId);
    }
}
