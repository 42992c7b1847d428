package com.clientsms.app.api;

import com.clientsms.app.web.ProblemResponses;
import com.clientsms.kernel.staff.StaffRef;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most clientsms.rate-limit.sends-per-minute send requests per member of staff (a broadcast is one request), so a
 * runaway script cannot flood a practice's clients. A token bucket per staff id: the full allowance may be spent at
 * once, then it refills evenly over the minute. Held in memory: one instance per process, reset by a restart.
 */
class SendRateLimitFilter extends OncePerRequestFilter {

    private final int perMinute;
    private final ProblemResponses problems;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    SendRateLimitFilter(int perMinute, ProblemResponses problems, Clock clock) {
        this.perMinute = perMinute;
        this.problems = problems;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !SendEndpoints.isSend(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof StaffRef staff)) {
            chain.doFilter(request, response);
            return;
        }
        Bucket bucket = buckets.computeIfAbsent(staff.staffId(), id -> new Bucket(perMinute, clock.millis()));
        long waitMillis = bucket.take(perMinute, clock.millis());
        if (waitMillis > 0) {
            long seconds = Math.max(1, (waitMillis + 999) / 1000);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            problems.write(
                    request,
                    response,
                    HttpStatus.TOO_MANY_REQUESTS,
                    "You may make at most " + perMinute + " send requests a minute; try again in " + seconds
                            + " seconds.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static final class Bucket {
        private double tokens;
        private long updatedAt;

        Bucket(int capacity, long now) {
            this.tokens = capacity;
            this.updatedAt = now;
        }

        /** Takes one token and answers 0, or answers how many milliseconds until one is there. */
        synchronized long take(int perMinute, long now) {
            double perMilli = perMinute / 60_000.0;
            tokens = Math.min(perMinute, tokens + (now - updatedAt) * perMilli);
            updatedAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perMilli);
        }
    }
}
