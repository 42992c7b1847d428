package com.clientsms.kernel.delivery;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The message moved forward to a new status (sent, delivered, undelivered or failed), with the carrier's raw error code and a readable reason when it did not arrive. */
@Revision("1")
public record SmsStatusChanged(
        String messageId,
        String practiceId,
        String clientId,
        DeliveryStatus status,
        String errorCode,
        String reason,
        String providerMessageId,
        Instant occurredAt) {}
