package com.clientsms.saga.delivery;

import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The delivery saga runs on a pooled streaming processor: it tracks the event store from its own token, kept by the
 * application's default (JDBC) token store beside the saga store, so a restart resumes where it stopped. On its very
 * first start it begins at the tail of the store, not Axon's default head for sagas: a message requested before the
 * processor first claimed its token must still be sent.
 *
 * <p>A handler that throws (the send ledger or the pacing table unreachable) rolls the batch back and the processor
 * retries it, instead of Axon's default for sagas of logging and moving on, which would lose the message. Retrying is
 * safe: the ledger stops a second send.
 *
 * <p>Throughput ({@code clientsms.delivery.processor.*}): each segment handles the sagas whose id falls in it, one
 * batch of events per transaction, so several segments on several threads hand messages to the carrier side by side
 * and share PostgreSQL's commits. The segment count applies when the processor first starts on an empty token store.
 * Every segment sees every event and looks its sagas up by association, so more segments also cost more look-ups;
 * status reports the saga does nothing with are kept from it ({@link StatusReportsTheSagaActsOn}).
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({DeliveryPolicy.class, SagaProcessorProperties.class})
class SagaProcessingConfiguration {

    @Bean
    ConfigurerModule smsDeliverySagaProcessor(SagaProcessorProperties properties) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerPooledStreamingEventProcessor(
                        SmsDeliverySaga.PROCESSING_GROUP,
                        Configuration::eventStore,
                        (config, builder) -> builder.initialToken(StreamableMessageSource::createTailToken)
                                .batchSize(properties.batchSize())
                                .initialSegmentCount(properties.segments())
                                .maxClaimedSegments(properties.segments())
                                .workerExecutor(properties.workerExecutor(SmsDeliverySaga.PROCESSING_GROUP)))
                .registerListenerInvocationErrorHandler(
                        SmsDeliverySaga.PROCESSING_GROUP, config -> PropagatingErrorHandler.instance())
                .registerHandlerInterceptor(
                        SmsDeliverySaga.PROCESSING_GROUP, config -> new StatusReportsTheSagaActsOn()));
    }
}
