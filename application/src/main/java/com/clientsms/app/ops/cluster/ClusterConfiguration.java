package com.clientsms.app.ops.cluster;

import java.time.Duration;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Cluster mode: heartbeats and the sharing-out of event processor segments between live instances, lost races on an
 * aggregate recognised as such, and segment claims that expire when an instance dies.
 *
 * <p>Each pooled streaming processor's segments are claimed in the shared token stores (PostgreSQL for the saga,
 * MongoDB for the projections), and a claim an instance stops renewing expires after
 * {@code clientsms.cluster.claim-timeout}, when another instance takes the segment over. Claims are renewed and
 * unclaimed segments looked for well within that timeout, so that a live instance never loses its segments to another
 * and a dead one's are taken over soon after they expire. The coordinator also renews the claim of a segment whose
 * batch is still running: a send waits up to the carrier's read timeout (15 s by default, longer than the claim), and
 * a segment taken over meanwhile would hand the same message to a second instance while the first one's request may
 * still reach the carrier.
 */
@Configuration(proxyBeanMethods = false)
class ClusterConfiguration {

    /** Axon's defaults (5 s each) suit its default 10 s claim timeout; a shorter timeout needs them shorter. */
    private static final Duration AXON_DEFAULT_INTERVAL = Duration.ofSeconds(5);

    @Bean
    ConfigurerModule segmentClaims(@Value("${clientsms.cluster.claim-timeout:10s}") Duration claimTimeout) {
        long renewEvery = Math.min(AXON_DEFAULT_INTERVAL.toMillis(), Math.max(100, claimTimeout.toMillis() / 3));
        long lookEvery = Math.min(AXON_DEFAULT_INTERVAL.toMillis(), Math.max(100, claimTimeout.toMillis() / 2));
        return configurer -> configurer.eventProcessing(
                processing -> processing.registerPooledStreamingEventProcessorConfiguration((configuration, builder) ->
                        builder.claimExtensionThreshold(renewEvery).tokenClaimInterval(lookEvery)));
    }

    @Bean
    PersistenceExceptionResolver postgresDuplicateKeys() {
        return new PostgresDuplicateKeys();
    }

    @Bean
    ClusterMembership clusterMembership(
            JdbcTemplate jdbc,
            EventProcessingConfiguration processing,
            @Value("${clientsms.cluster.heartbeat-interval:3s}") Duration interval,
            @Value("${clientsms.cluster.claim-timeout:10s}") Duration claimTimeout,
            @Value("${clientsms.cluster.instance-id:}") String instanceId) {
        return new ClusterMembership(jdbc, processing, interval, claimTimeout, instanceId);
    }
}
