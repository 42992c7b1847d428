package com.clientsms.kernel.delivery;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records a status reported by the gateway or the carrier. Older or repeated statuses change nothing. The saga knows
 * the practice and client and passes them; a carrier callback knows only the message, so they may be null.
 */
public record RecordDeliveryStatus(
        @TargetAggregateIdentifier String messageId,
        String practiceId,
        String clientId,
        DeliveryStatus status,
        String errorCode,
        String reason,
        String providerMessageId,
        Instant occurredAt) {}
