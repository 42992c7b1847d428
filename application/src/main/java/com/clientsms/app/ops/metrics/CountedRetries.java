package com.clientsms.app.ops.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

/**
 * Counts retries where they are recorded: the send ledger numbers each attempt to hand a message to the carrier
 * before it is made, so an attempt numbered 2 or more is a retry ({@code clientsms.delivery.retries}).
 */
final class CountedRetries implements MethodInterceptor {

    private final Counter retries;

    CountedRetries(MeterRegistry registry) {
        this.retries = Counter.builder("clientsms.delivery.retries")
                .description("Attempts to hand a message to the carrier after its first one")
                .register(registry);
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        Object result = invocation.proceed();
        if ("begin".equals(invocation.getMethod().getName()) && result instanceof Integer attempt && attempt > 1) {
            retries.increment();
        }
        return result;
    }
}
