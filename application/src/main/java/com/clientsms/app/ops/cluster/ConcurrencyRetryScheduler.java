package com.clientsms.app.ops.cluster;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries a command that lost a race on its aggregate's stream: two instances (or two threads) loaded the same
 * version, the first appended, the second's append hit the unique (aggregate, sequence) key and Axon answered
 * {@link ConcurrencyException}. Run again, the command sees the winner's events and decides anew, so nothing is lost
 * and no rule is skipped. Every other failure (a refused command, a bug) is answered at once: retrying it would only
 * delay the same answer.
 */
final class ConcurrencyRetryScheduler implements RetryScheduler {

    private static final Logger log = LoggerFactory.getLogger(ConcurrencyRetryScheduler.class);

    private final ScheduledExecutorService executor;
    private final int maxRetries;
    private final long backoffMillis;
    private final Counter conflicts;

    ConcurrencyRetryScheduler(
            ScheduledExecutorService executor, int maxRetries, long backoffMillis, MeterRegistry registry) {
        this.executor = executor;
        this.maxRetries = maxRetries;
        this.backoffMillis = backoffMillis;
        this.conflicts = Counter.builder("clientsms.commands.conflicts")
                .description("Commands that lost an optimistic-locking race on their aggregate and were retried")
                .register(registry);
    }

    @Override
    public boolean scheduleRetry(
            CommandMessage commandMessage,
            RuntimeException lastFailure,
            List<Class<? extends Throwable>[]> failures,
            Runnable commandDispatch) {
        if (!isConcurrencyConflict(lastFailure) || failures.size() > maxRetries) {
            return false;
        }
        // Growing, jittered waits, so that the contenders do not collide again in step.
        long wait = ThreadLocalRandom.current().nextLong(1, backoffMillis * failures.size() + 2);
        log.debug(
                "Command {} conflicted with a concurrent change of its aggregate; retry {} in {} ms",
                commandMessage.getCommandName(),
                failures.size(),
                wait);
        try {
            executor.schedule(commandDispatch, wait, TimeUnit.MILLISECONDS);
            conflicts.increment();
            return true;
        } catch (RuntimeException rejected) {
            return false;
        }
    }

    static boolean isConcurrencyConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
