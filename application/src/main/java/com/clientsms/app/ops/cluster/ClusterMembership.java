package com.clientsms.app.ops.cluster;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Shares the event processors' segments out between the instances running against the same stores.
 *
 * <p>Axon's streaming processors already make a cluster safe: a segment is processed only by the instance holding its
 * claim in the shared token store, and a dead instance's claims expire and are taken over. What Axon without Axon
 * Server does not do is spread the work: the first instance to start claims every segment. Each instance therefore
 * keeps a heartbeat row in {@code cluster_instance} (PostgreSQL clock) and, every heartbeat, gives back segments it holds
 * beyond its fair share (segments / live instances, rounded up) with Axon's {@code releaseSegment}; the others claim
 * them on their next claim round. An instance that stops deletes its row, so the survivors take over its share at once
 * (they also do when its heartbeat goes stale after a crash).
 */
final class ClusterMembership implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClusterMembership.class);

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final Duration interval;
    private final Duration claimTimeout;
    private final String instanceId;
    private final Map<String, Map<Integer, Long>> released = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;
    private volatile boolean running;

    ClusterMembership(
            JdbcTemplate jdbc,
            EventProcessingConfiguration processing,
            Duration interval,
            Duration claimTimeout,
            String instanceId) {
        if (interval.isNegative()
                || interval.isZero()
                || interval.multipliedBy(3).compareTo(claimTimeout) > 0) {
            throw new IllegalArgumentException("clientsms.cluster.heartbeat-interval (" + interval.toMillis()
                    + " ms) must be positive and at most a third of clientsms.cluster.claim-timeout ("
                    + claimTimeout.toMillis() + " ms), so that a dead instance stops counting as live before"
                    + " its segments are taken over: shorten the heartbeat or lengthen the claim timeout.");
        }
        this.jdbc = jdbc;
        this.processing = processing;
        this.interval = interval;
        this.claimTimeout = claimTimeout;
        this.instanceId = instanceId == null || instanceId.isBlank() ? defaultId() : instanceId;
    }

    String instanceId() {
        return instanceId;
    }

    @Override
    public void start() {
        heartbeat();
        scheduler = Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("cluster-heartbeat-"));
        scheduler.scheduleWithFixedDelay(this::beat, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        running = true;
        log.info("Instance {} joined the cluster ({} live)", instanceId, liveInstances());
    }

    @Override
    public void stop() {
        running = false;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        try {
            jdbc.update("DELETE FROM cluster_instance WHERE instance_id = ?", instanceId);
        } catch (RuntimeException e) {
            log.warn("Instance {} could not sign off; its heartbeat will go stale instead", instanceId);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before Axon's processors start (they start in a later phase), after they stop. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE / 2 - 100;
    }

    private void beat() {
        try {
            heartbeat();
            balance();
        } catch (RuntimeException e) {
            log.warn("Cluster heartbeat of {} failed: {}", instanceId, e.getMessage());
        }
    }

    private void heartbeat() {
        jdbc.update(
                """
                INSERT INTO cluster_instance (instance_id, started_at, heartbeat_at)
                VALUES (?, clock_timestamp(), clock_timestamp())
                ON CONFLICT (instance_id) DO UPDATE SET heartbeat_at = clock_timestamp()
                """,
                instanceId);
        // Rows of instances that died without signing off, long after anyone counts them.
        jdbc.update(
                "DELETE FROM cluster_instance WHERE heartbeat_at < clock_timestamp() - make_interval(secs => ?)",
                staleAfter().toSeconds() * 10.0);
    }

    int liveInstances() {
        Integer live = jdbc.queryForObject(
                "SELECT count(*) FROM cluster_instance WHERE heartbeat_at >= clock_timestamp() - make_interval(secs => ?)",
                Integer.class,
                staleAfter().toMillis() / 1000.0);
        return Math.max(1, live == null ? 1 : live);
    }

    /**
     * How long a released segment is left to the others. They look for unclaimed segments well within a claim timeout,
     * so a live instance takes it by then; if none did (the instance counted as live had just died), this one takes
     * it back after that long instead of leaving it idle.
     */
    private long releaseMillis() {
        return claimTimeout.toMillis();
    }

    /**
     * An instance is live while its heartbeat is younger than three heartbeats, which is at most a claim timeout: by
     * the time a dead instance's claims expire and this one takes its segments, it no longer counts it, so it does not
     * give back segments that nobody would take.
     */
    private Duration staleAfter() {
        return interval.multipliedBy(3);
    }

    /** Gives back what this instance holds beyond its fair share of each streaming processor's segments. */
    void balance() {
        int live = liveInstances();
        for (Map.Entry<String, EventProcessor> entry :
                processing.eventProcessors().entrySet()) {
            if (!(entry.getValue() instanceof StreamingEventProcessor processor) || !processor.isRunning()) {
                continue;
            }
            String name = entry.getKey();
            long now = System.currentTimeMillis();
            Map<Integer, Long> releasing = released.computeIfAbsent(name, n -> new ConcurrentHashMap<>());
            releasing.values().removeIf(at -> now - at > releaseMillis());
            // A released segment stays in the status until its work package has stopped: count it as gone already,
            // or the next round would release more than the excess.
            List<Integer> held = processor.processingStatus().keySet().stream()
                    .filter(segment -> !releasing.containsKey(segment))
                    .sorted(Comparator.reverseOrder())
                    .toList();
            int total = segmentCount(name);
            int fair = (total + live - 1) / live;
            if (held.size() <= fair) {
                continue;
            }
            List<Integer> excess = held.subList(0, held.size() - fair);
            log.info(
                    "Instance {} releases segments {} of {} ({} held, fair share {} of {} among {} instances)",
                    instanceId,
                    excess,
                    name,
                    held.size(),
                    fair,
                    total,
                    live);
            for (int segment : excess) {
                // Not claimed back by this instance for a while, so another one can take it on its next claim round.
                processor.releaseSegment(segment, releaseMillis(), TimeUnit.MILLISECONDS);
                releasing.put(segment, now);
            }
        }
    }

    private int segmentCount(String processorName) {
        TokenStore tokens = processing.tokenStore(processorName);
        return tokens.fetchSegments(processorName).length;
    }

    private static String defaultId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "instance";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
