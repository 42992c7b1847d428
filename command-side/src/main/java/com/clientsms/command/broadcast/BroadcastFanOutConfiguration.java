package com.clientsms.command.broadcast;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

/**
 * The broadcast fan-out's processor: pooled streaming, its token in the application's default (JDBC) token store, from
 * the tail of the store on its very first start (a broadcast accepted before the processor first ran must still be
 * sent; broadcasts recorded before fan-out existed carry no recipients and need nothing). A failing part fails the
 * event, which is handled again, instead of Axon's default of logging it and moving on, which would leave clients
 * untexted. Segments let several broadcasts fan out at once, on any instance.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class BroadcastFanOutConfiguration {

    @Bean(destroyMethod = "shutDown")
    BroadcastFanOut broadcastFanOut(
            CommandGateway commands, @Value("${clientsms.broadcast.part-size:100}") int partSize) {
        return new BroadcastFanOut(commands, partSize);
    }

    @Bean
    ConfigurerModule broadcastFanOutProcessor(@Value("${clientsms.broadcast.fan-out-segments:4}") int segments) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerPooledStreamingEventProcessor(
                        BroadcastFanOut.PROCESSING_GROUP,
                        Configuration::eventStore,
                        (config, builder) -> builder.initialToken(StreamableMessageSource::createTailToken)
                                .initialSegmentCount(segments)
                                .maxClaimedSegments(segments))
                .registerListenerInvocationErrorHandler(
                        BroadcastFanOut.PROCESSING_GROUP, config -> PropagatingErrorHandler.instance()));
    }
}
