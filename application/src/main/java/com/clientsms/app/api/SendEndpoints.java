package com.clientsms.app.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The requests that send SMS: they take an Idempotency-Key and count against the rate limit. A new send endpoint is
 * one more pattern here.
 */
final class SendEndpoints {

    private static final List<PathPattern> SENDS = List.of(
                    "/api/clients/{clientId}/messages",
                    "/api/broadcasts",
                    "/api/groups/{groupId}/messages",
                    "/api/broadcasts/{broadcastId}/resend-failed")
            .stream()
            .map(PathPatternParser.defaultInstance::parse)
            .toList();

    private SendEndpoints() {}

    static boolean isSend(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return false;
        }
        PathContainer path = PathContainer.parsePath(pathOf(request));
        return SENDS.stream().anyMatch(pattern -> pattern.matches(path));
    }

    static String pathOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }
}
