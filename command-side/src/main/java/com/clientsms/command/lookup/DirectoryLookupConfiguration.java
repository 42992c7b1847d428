package com.clientsms.command.lookup;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * The lookup is written by a subscribing processor, inside the transaction that appends the events, so the tables
 * are never behind the events. A failing write must fail that transaction too, hence the propagating error handler
 * (a subscribing processor would otherwise log the error and commit the events without the lookup row).
 */
@Configuration(proxyBeanMethods = false)
class DirectoryLookupConfiguration {

    static final String PROCESSING_GROUP = "directory-lookup";

    @Autowired
    void configure(EventProcessingConfigurer processing) {
        processing
                .registerSubscribingEventProcessor(PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(
                        PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
