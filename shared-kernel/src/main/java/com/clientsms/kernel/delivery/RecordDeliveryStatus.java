package com.clientsms.kernel.delivery;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a status reported by the gateway or the carrier. Older or repeated statuses change nothing. */
public record RecordDeliveryStatus(
        @TargetAggregateIdentifier String messageId,
        DeliveryStatus status,
        String errorCode,
        String reason,
        String providerMessageId,
        Instant occurredAt) {}
