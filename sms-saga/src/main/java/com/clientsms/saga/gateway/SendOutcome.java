package com.clientsms.saga.gateway;

import java.time.Instant;

/** What a gateway answered when a message was handed to it. */
public sealed interface SendOutcome {

    /** The carrier took the message; its id links the status reports that follow. */
    record Accepted(String providerMessageId, Instant acceptedAt) implements SendOutcome {}

    /** The carrier refused the message and always will (invalid number, landline, opted out, ...). */
    record Rejected(String errorCode, String reason) implements SendOutcome {}

    /** The carrier could not take the message right now (throttled, server error, no connection): may be retried. */
    record TransientFailure(String errorCode, String reason) implements SendOutcome {}

    /**
     * The request may or may not have reached the carrier (timed out or reset after it was written). Never retried
     * blindly: the carrier is asked with {@link SmsGateway#find} first.
     */
    record Ambiguous(String reason) implements SendOutcome {}
}
