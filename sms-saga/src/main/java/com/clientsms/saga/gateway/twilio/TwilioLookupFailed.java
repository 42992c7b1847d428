package com.clientsms.saga.gateway.twilio;

/**
 * Twilio could not be asked about a message. Thrown rather than answered with "not found": the caller must not
 * conclude that an earlier attempt never arrived, and send the message again, because of a network failure.
 */
final class TwilioLookupFailed extends RuntimeException {

    TwilioLookupFailed(String message) {
        super(message);
    }
}
