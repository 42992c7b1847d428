package com.clientsms.app.api;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits that keep a careless or hostile client from hurting the API: the largest request body, how many send
 * requests one member of staff may make a minute, and how long an Idempotency-Key is remembered.
 */
@ConfigurationProperties("clientsms")
record ApiLimits(Api api, RateLimit rateLimit, Idempotency idempotency) {

    ApiLimits {
        api = api == null ? new Api(null) : api;
        rateLimit = rateLimit == null ? new RateLimit(0) : rateLimit;
        idempotency = idempotency == null ? new Idempotency(null) : idempotency;
    }

    /** clientsms.api.max-body-size (default 16KB): the largest request body /api reads. */
    record Api(@DefaultValue("16KB") DataSize maxBodySize) {
        Api {
            maxBodySize = maxBodySize == null ? DataSize.ofKilobytes(16) : maxBodySize;
        }
    }

    /** clientsms.rate-limit.sends-per-minute (default 30): send requests per member of staff; a broadcast is one. */
    record RateLimit(@DefaultValue("30") int sendsPerMinute) {
        RateLimit {
            sendsPerMinute = sendsPerMinute <= 0 ? 30 : sendsPerMinute;
        }
    }

    /** clientsms.idempotency.ttl (default 24h): how long a key and its answer are kept. */
    record Idempotency(@DefaultValue("24h") Duration ttl) {
        Idempotency {
            ttl = ttl == null ? Duration.ofHours(24) : ttl;
        }
    }
}
