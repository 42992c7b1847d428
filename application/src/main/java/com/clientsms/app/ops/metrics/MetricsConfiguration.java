package com.clientsms.app.ops.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Business and operations metrics, exported at /actuator/prometheus: messages by practice and audience, gateway
 * latency and error codes, retries, processor lag per processing group, open broadcasts.
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    @Bean
    static InstrumentedBeans instrumentedBeans(ObjectProvider<MeterRegistry> registry) {
        return new InstrumentedBeans(registry);
    }

    @Bean
    DeliveryMetrics deliveryMetrics(MeterRegistry registry, MongoTemplate mongo) {
        return new DeliveryMetrics(registry, mongo);
    }

    /** Counting happens where the event is stored, in its transaction's after-commit: no token, no replay. */
    @Bean
    ConfigurerModule deliveryMetricsProcessor() {
        return configurer -> configurer.eventProcessing(
                processing -> processing.registerSubscribingEventProcessor(DeliveryMetrics.PROCESSING_GROUP));
    }

    /** Processors exist once Axon has started; their gauges are registered when the application is ready. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> processorAndBroadcastGauges(
            EventProcessingConfiguration processing,
            EventStore eventStore,
            MongoTemplate mongo,
            MeterRegistry registry) {
        return event -> {
            new ProcessorMetrics(processing, eventStore).bindTo(registry);
            new BroadcastMetrics(mongo).bindTo(registry);
        };
    }
}
