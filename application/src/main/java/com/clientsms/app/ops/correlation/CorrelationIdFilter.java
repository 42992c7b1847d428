package com.clientsms.app.ops.correlation;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every HTTP request a correlation id before anything else runs: the caller's {@code X-Correlation-Id} when it is
 * a short, plain token, a new UUID otherwise. It is in the MDC for the request's log lines, returned in the response
 * header, and copied into the metadata of the commands the request sends. A carrier's status callback continues the
 * correlation id of the request that asked for its message ({@link CallbackCorrelation}).
 */
class CorrelationIdFilter extends OncePerRequestFilter {

    private static final String CALLBACKS = "/webhooks/";

    private final CallbackCorrelation callbacks;

    CorrelationIdFilter(CallbackCorrelation callbacks) {
        this.callbacks = callbacks;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(Correlation.HEADER);
        String messageId = null;
        String id = null;
        if (Correlation.acceptable(given)) {
            id = given;
        } else if (request.getRequestURI().startsWith(request.getContextPath() + CALLBACKS)) {
            // The webhook reads the same (form and query) parameters; the container parses them once.
            messageId = request.getParameter(Correlation.MESSAGE_ID);
            id = callbacks.originalId(messageId);
        }
        if (id == null) {
            id = UUID.randomUUID().toString();
        }
        String previous = MDC.get(Correlation.KEY);
        MDC.put(Correlation.KEY, id);
        if (Correlation.acceptable(messageId)) {
            MDC.put(Correlation.MESSAGE_ID, messageId);
        }
        response.setHeader(Correlation.HEADER, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(Correlation.MESSAGE_ID);
            if (previous == null) {
                MDC.remove(Correlation.KEY);
            } else {
                MDC.put(Correlation.KEY, previous);
            }
        }
    }
}
