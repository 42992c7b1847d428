package com.clientsms.saga.gateway.simulator;

/**
 * What the simulated carrier does with one submission of a message. Tests and benchmarks read it from
 * {@link SimulatedSmsGateway#fateOf} to know in advance what will happen.
 *
 * @param outcome how the submission ends
 * @param errorCode the carrier's error code, or null when the message is delivered
 */
public record SimulatedFate(Outcome outcome, String errorCode) {

    public enum Outcome {
        /** Refused at submission with a permanent error; never reported on. */
        REJECTED,
        /** Refused at submission with a transient error (throttling, server error); never reported on. */
        TRANSIENT_FAILURE,
        /** Accepted, then reported sent and delivered. */
        DELIVERED,
        /** Accepted, then reported sent and undelivered. */
        UNDELIVERED,
        /** Accepted, then reported sent and failed. */
        FAILED
    }

    public boolean accepted() {
        return outcome != Outcome.REJECTED && outcome != Outcome.TRANSIENT_FAILURE;
    }

    /** The final status the carrier reports for an accepted message, in Twilio's words. */
    String carrierStatus() {
        return switch (outcome) {
            case DELIVERED -> "delivered";
            case UNDELIVERED -> "undelivered";
            case FAILED -> "failed";
            case REJECTED, TRANSIENT_FAILURE -> throw new IllegalStateException(outcome + " is never reported on");
        };
    }
}
