package com.clientsms.app.api;

import com.clientsms.app.web.ProblemResponses;
import com.clientsms.kernel.staff.StaffRef;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most clientsms.rate-limit.sends-per-minute send requests per member of staff (a broadcast is one request), so a
 * runaway script cannot flood a practice's clients. A token bucket per staff id: the full allowance may be spent at
 * once, then it refills evenly over the minute. The buckets live in PostgreSQL ({@link SendRateLimits}), so the limit
 * holds for all instances of the application together and survives a restart.
 */
class SendRateLimitFilter extends OncePerRequestFilter {

    private final SendRateLimits limits;
    private final ProblemResponses problems;

    SendRateLimitFilter(SendRateLimits limits, ProblemResponses problems) {
        this.limits = limits;
        this.problems = problems;
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
        long waitMillis = limits.take(staff.staffId());
        if (waitMillis > 0) {
            long seconds = Math.max(1, (waitMillis + 999) / 1000);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            problems.write(
                    request,
                    response,
                    HttpStatus.TOO_MANY_REQUESTS,
                    "You may make at most " + limits.perMinute() + " send requests a minute; try again in " + seconds
                            + " seconds.");
            return;
        }
        chain.doFilter(request, response);
    }
}
