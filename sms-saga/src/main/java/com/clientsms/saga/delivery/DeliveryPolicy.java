package com.clientsms.saga.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How hard the delivery saga tries ({@code clientsms.delivery.*}).
 *
 * @param retry attempts and backoff for transient and unresolved ambiguous failures
 * @param stuckAfter how long an accepted message may go without a final status before the carrier is asked
 * @param stuckChecks how many times the carrier is asked before the saga stops following the message
 * @param ambiguousWait how long after an attempt without an answer the carrier is first asked whether it has the
 *     message: a request still on its way (a slow network, an overloaded carrier) must have arrived by then, or the
 *     look-up misses it and the message is sent twice
 */
@ConfigurationProperties("clientsms.delivery")
public record DeliveryPolicy(
        @DefaultValue Retry retry,
        @DefaultValue("30m") Duration stuckAfter,
        @DefaultValue("6") int stuckChecks,
        @DefaultValue("30s") Duration ambiguousWait) {

    public DeliveryPolicy {
        if (stuckAfter == null || stuckAfter.isNegative() || stuckAfter.isZero()) {
            throw new IllegalArgumentException("clientsms.delivery.stuck-after must be positive");
        }
        if (stuckChecks < 1) {
            throw new IllegalArgumentException("clientsms.delivery.stuck-checks must be at least 1");
        }
        if (ambiguousWait == null || ambiguousWait.isNegative()) {
            throw new IllegalArgumentException("clientsms.delivery.ambiguous-wait must not be negative");
        }
    }

    public static DeliveryPolicy defaults() {
        return new DeliveryPolicy(Retry.defaults(), Duration.ofMinutes(30), 6, Duration.ofSeconds(30));
    }

    /**
     * @param maxAttempts attempts in all, the first included
     * @param initialBackoff the ceiling of the first wait; it doubles with every failed attempt
     * @param maxBackoff the ceiling of any wait
     */
    public record Retry(
            @DefaultValue("5") int maxAttempts,
            @DefaultValue("2s") Duration initialBackoff,
            @DefaultValue("5m") Duration maxBackoff) {

        public Retry {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("clientsms.delivery.retry.max-attempts must be at least 1");
            }
            if (initialBackoff == null
                    || initialBackoff.isNegative()
                    || maxBackoff == null
                    || maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException(
                        "clientsms.delivery.retry backoffs must satisfy 0 <= initial-backoff <= max-backoff");
            }
        }

        public static Retry defaults() {
            return new Retry(5, Duration.ofSeconds(2), Duration.ofMinutes(5));
        }

        /**
         * Exponential backoff with full jitter: a uniformly drawn wait below min(max, initial * 2^(failed - 1)), so
         * that many messages throttled together do not come back together.
         *
         * @param failedAttempts attempts made so far (1 after the first failure)
         * @param random a draw from [0, 1)
         */
        public Duration backoff(int failedAttempts, double random) {
            long ceiling = initialBackoff.toMillis();
            for (int i = 1; i < failedAttempts && ceiling < maxBackoff.toMillis(); i++) {
                ceiling *= 2;
            }
            ceiling = Math.min(ceiling, maxBackoff.toMillis());
            return Duration.ofMillis((long) (ceiling * random));
        }
    }
}
