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
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeliveryPolicy.class)
class SagaProcessingConfiguration {

    @Bean
    ConfigurerModule smsDeliverySagaProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerPooledStreamingEventProcessor(
                        SmsDeliverySaga.PROCESSING_GROUP,
                        Configuration::eventStore,
                        (config, builder) -> builder.initialToken(StreamableMessageSource::createTailToken))
                .registerListenerInvocationErrorHandler(
                        SmsDeliverySaga.PROCESSING_GROUP, config -> PropagatingErrorHandler.instance()));
    }
}
