package com.clientsms.app.config;

import java.time.Duration;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Several instances share the work through what Axon provides: each pooled streaming processor's segments are claimed
 * in the shared token stores (PostgreSQL for the saga, MongoDB for the projections), and a claim an instance stops
 * renewing expires after {@code clientsms.cluster.claim-timeout}, when another instance takes the segment over.
 *
 * <p>Claims are renewed and unclaimed segments looked for well within that timeout, so that a live instance never
 * loses its segments to another and a dead one's are taken over soon after they expire. The coordinator also renews
 * the claim of a segment whose batch is still running: a send waits up to the carrier's read timeout (15 s by default,
 * longer than the claim), and a segment taken over meanwhile would hand the same message to a second instance while
 * the first one's request may still reach the carrier.
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
}
