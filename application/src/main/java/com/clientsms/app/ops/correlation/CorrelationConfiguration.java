package com.clientsms.app.ops.correlation;

import com.clientsms.saga.ledger.SendLedger;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Wires the correlation id through the application: the HTTP filter that sets it, the Axon correlation data provider
 * that copies it from a handled message to the messages it causes (commands, events, deadlines), and the interceptors
 * that put it into the MDC wherever a message is handled.
 */
@Configuration(proxyBeanMethods = false)
class CorrelationConfiguration {

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter(SendLedger ledger) {
        var registration = new FilterRegistrationBean<>(new CorrelationIdFilter(new CallbackCorrelation(ledger)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    CorrelationDataProvider correlationIdProvider() {
        return new SimpleCorrelationDataProvider(Correlation.KEY);
    }

    /**
     * Axon's default provider steps aside once another is declared; it is kept, but its causation id moves to another
     * key: its default key is also "correlationId" and would replace the request's id with the causing message's.
     */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider("causationId", "traceId");
    }

    @Bean
    ConfigurerModule correlationInEventHandlers() {
        return configurer -> configurer.eventProcessing(
                processing -> processing.registerDefaultHandlerInterceptor((config, name) -> Correlation.intoMdc()));
    }

    @Bean
    SmartInitializingSingleton correlationInCommandsAndDeadlines(
            CommandBus commandBus, ObjectProvider<DeadlineManager> deadlineManagers) {
        return () -> {
            commandBus.registerHandlerInterceptor(Correlation.intoMdc());
            deadlineManagers.orderedStream().forEach(deadlines -> {
                // A deadline scheduled while a message is handled carries that message's correlation id.
                deadlines.registerDispatchInterceptor(Correlation.fromMdc());
                deadlines.registerHandlerInterceptor(Correlation.intoMdc());
            });
        };
    }
}
