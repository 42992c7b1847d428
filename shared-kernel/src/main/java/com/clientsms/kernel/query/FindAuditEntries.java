package com.clientsms.kernel.query;

import java.time.Instant;

/**
 * The audit log of a practice, newest first, narrowed by the filters that are not null. Recipient numbers are shown
 * in clear only when {@code revealNumbers} is set (compliance officers and superusers).
 */
public record FindAuditEntries(
        String practiceId,
        Instant from,
        Instant to,
        String sender,
        String clientId,
        String audience,
        String status,
        boolean revealNumbers,
        int page,
        int size) {}
