package com.clientsms.saga.delivery;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the delivery saga's processor works through the event store ({@code clientsms.delivery.processor.*}).
 *
 * @param batchSize events handled in one transaction per segment
 * @param segments how many parts the sagas are spread over (each a unit of parallel work); read when the processor
 *     first starts on an empty token store
 * @param threads worker threads handling the segments
 */
@ConfigurationProperties("clientsms.delivery.processor")
record SagaProcessorProperties(
        @DefaultValue("100") int batchSize, @DefaultValue("16") int segments, @DefaultValue("16") int threads) {

    SagaProcessorProperties {
        if (batchSize < 1 || segments < 1 || threads < 1) {
            throw new IllegalArgumentException(
                    "clientsms.delivery.processor.batch-size, segments and threads must be at least 1");
        }
    }

    ScheduledExecutorService workerExecutor(String processor) {
        AtomicInteger number = new AtomicInteger();
        return Executors.newScheduledThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "worker[" + processor + "]-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
