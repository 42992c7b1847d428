package com.clientsms.app.ops.cluster;

import com.clientsms.app.ops.correlation.Correlation;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The command gateway every controller, the saga and the webhook use (it replaces Axon's default one): commands that
 * lose an optimistic-locking race on their aggregate are retried ({@link ConcurrencyRetryScheduler}), and each
 * command carries the correlation id of the request that caused it.
 */
@Configuration(proxyBeanMethods = false)
class CommandGatewayConfiguration {

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService commandRetryExecutor() {
        return Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("command-retry-"));
    }

    @Bean
    CommandGateway commandGateway(
            CommandBus commandBus,
            ScheduledExecutorService commandRetryExecutor,
            MeterRegistry registry,
            @Value("${clientsms.commands.concurrency-retries:8}") int retries,
            @Value("${clientsms.commands.concurrency-backoff-millis:20}") long backoffMillis) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(new ConcurrencyRetryScheduler(commandRetryExecutor, retries, backoffMillis, registry))
                .dispatchInterceptors(Correlation.fromMdc())
                .build();
    }
}
