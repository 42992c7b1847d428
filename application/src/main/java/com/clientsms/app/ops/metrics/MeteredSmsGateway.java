package com.clientsms.app.ops.metrics;

import com.clientsms.saga.gateway.SendOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Optional;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

/**
 * Times every call to the SMS gateway and counts its errors, whichever adapter is configured: {@code
 * clientsms.gateway.latency} (operation send/find/status, outcome) and {@code clientsms.gateway.errors} (operation,
 * code: the carrier's error code, "ambiguous", or the exception's type when the adapter threw).
 */
final class MeteredSmsGateway implements MethodInterceptor {

    private final MeterRegistry registry;

    MeteredSmsGateway(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        String operation =
                switch (invocation.getMethod().getName()) {
                    case "send" -> "send";
                    case "find" -> "find";
                    case "currentStatus" -> "status";
                    default -> null;
                };
        if (operation == null) {
            return invocation.proceed();
        }
        long start = System.nanoTime();
        Object result;
        try {
            result = invocation.proceed();
        } catch (Throwable e) {
            record(operation, "error", start);
            error(operation, e.getClass().getSimpleName());
            throw e;
        }
        String outcome = outcome(result);
        record(operation, outcome, start);
        if (result instanceof SendOutcome.Rejected rejected) {
            error(operation, code(rejected.errorCode()));
        } else if (result instanceof SendOutcome.TransientFailure failure) {
            error(operation, code(failure.errorCode()));
        } else if (result instanceof SendOutcome.Ambiguous) {
            error(operation, "ambiguous");
        }
        return result;
    }

    private static String outcome(Object result) {
        if (result instanceof SendOutcome.Accepted) {
            return "accepted";
        } else if (result instanceof SendOutcome.Rejected) {
            return "rejected";
        } else if (result instanceof SendOutcome.TransientFailure) {
            return "transient";
        } else if (result instanceof SendOutcome.Ambiguous) {
            return "ambiguous";
        } else if (result instanceof Optional<?> found) {
            return found.isPresent() ? "found" : "not_found";
        }
        return "other";
    }

    private static String code(String errorCode) {
        return errorCode == null || errorCode.isBlank() ? "none" : errorCode;
    }

    private void record(String operation, String outcome, long start) {
        Timer.builder("clientsms.gateway.latency")
                .description("Time the SMS gateway took to answer")
                .tag("operation", operation)
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(registry)
                .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    private void error(String operation, String code) {
        Counter.builder("clientsms.gateway.errors")
                .description("Gateway answers other than an acceptance, by carrier error code")
                .tag("operation", operation)
                .tag("code", code)
                .register(registry)
                .increment();
    }
}
