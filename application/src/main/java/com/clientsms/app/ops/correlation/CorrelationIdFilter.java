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
 * header, and copied into the metadata of the commands the request sends.
 */
class CorrelationIdFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(Correlation.HEADER);
        String id = Correlation.acceptable(given) ? given : UUID.randomUUID().toString();
        String previous = MDC.get(Correlation.KEY);
        MDC.put(Correlation.KEY, id);
        response.setHeader(Correlation.HEADER, id);
        try {
            chain.doFilter(request, response);
        } finally {
            if (previous == null) {
                MDC.remove(Correlation.KEY);
            } else {
                MDC.put(Correlation.KEY, previous);
            }
        }
    }
}
