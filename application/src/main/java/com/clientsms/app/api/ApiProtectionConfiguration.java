package com.clientsms.app.api;

import com.clientsms.app.web.ProblemResponses;
import java.time.Clock;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The API's guards as servlet filters, in this order: the body-size limit before anything (even sign-in) reads the
 * body; after Spring Security has named the caller, the per-user send rate limit, then the Idempotency-Key (so a
 * request refused for its rate never claims a key).
 */
@Configuration(proxyBeanMethods = false)
class ApiProtectionConfiguration {

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(ApiLimits limits, ProblemResponses problems) {
        var registration = new FilterRegistrationBean<>(
                new BodySizeLimitFilter(limits.api().maxBodySize().toBytes(), problems));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 50);
        return registration;
    }

    @Bean
    FilterRegistrationBean<SendRateLimitFilter> sendRateLimitFilter(
            ApiLimits limits, JdbcTemplate jdbc, ProblemResponses problems) {
        var buckets = new SendRateLimits(jdbc, limits.rateLimit().sendsPerMinute());
        var registration = new FilterRegistrationBean<>(new SendRateLimitFilter(buckets, problems));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
            ApiLimits limits, JdbcTemplate jdbc, ProblemResponses problems) {
        var store = new IdempotencyStore(jdbc, limits.idempotency().ttl(), Clock.systemUTC());
        var registration = new FilterRegistrationBean<>(new IdempotencyFilter(store, problems));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 20);
        return registration;
    }
}
