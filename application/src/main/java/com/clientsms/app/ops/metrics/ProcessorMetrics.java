package com.clientsms.app.ops.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Per streaming processing group, what this instance holds: {@code clientsms.processor.segments} (segments claimed
 * here) and {@code clientsms.processor.lag} (events between the head of the event store and the furthest-behind
 * segment claimed here). Across a cluster, {@code max by (processing_group)} of the lag is the group's lag and {@code
 * sum by} of the segments should equal the group's segment count.
 */
final class ProcessorMetrics {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    ProcessorMetrics(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    void bindTo(MeterRegistry registry) {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder("clientsms.processor.segments", streaming, p -> p.processingStatus()
                                .size())
                        .description("Segments of the processing group claimed by this instance")
                        .tag("processing_group", name)
                        .register(registry);
                Gauge.builder("clientsms.processor.lag", streaming, this::lag)
                        .description("Events between the head of the event store and this instance's slowest segment")
                        .tag("processing_group", name)
                        .baseUnit("events")
                        .register(registry);
            }
        });
    }

    private double lag(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        if (status.isEmpty()) {
            return 0;
        }
        TrackingToken headToken = eventStore.createHeadToken();
        OptionalLong head = headToken == null ? OptionalLong.empty() : headToken.position();
        if (head.isEmpty()) {
            return 0;
        }
        long slowest = Long.MAX_VALUE;
        for (EventTrackerStatus segment : status.values()) {
            slowest = Math.min(slowest, segment.getCurrentPosition().orElse(-1));
        }
        return Math.max(0, head.getAsLong() - slowest);
    }
}
