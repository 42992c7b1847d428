package com.clientsms.saga.gateway.simulator;

/**
 * What the simulated carrier does with one submission of a message. Tests and benchmarks read it from
 * {@link SimulatedSmsGateway#fateOf} to know in advance what will happen.
 *
 * @param outcome how the submission ends
 * @param errorCode the carrier's error code, or null when the message is delivered
 * @param answerLost the carrier accepted the message but its answer never reached the caller (ambiguous)
 */
public record SimulatedFate(Outcome outcome, String errorCode, boolean answerLost) {

    public SimulatedFate(Outcome outcome, String errorCode) {
        this(outcome, errorCode, false);
    }

    public enum Outcome {
        /** Refused at submission with a permanent error; never reported on. */
        REJECTED,
        /** Refused at submission with a transient error (throttling, server error); never reported on. */
        TRANSIENT_FAILURE,
        /** The request timed out before the carrier saw it: the caller gets no answer, the carrier has no record. */
        TIMED_OUT,
        /** Accepted, then reported sent and delivered. */
        DELIVERED,
        /** Accepted, then reported sent and undelivered. */
        UNDELIVERED,
        /** Accepted, then reported sent and failed. */
        FAILED
    }

    public boolean accepted() {
        return outcome != Outcome.REJECTED && outcome != Outcome.TRANSIENT_FAILURE && outcome != Outcome.TIMED_OUT;
    }

    /** The final status the carrier reports for an accepted message, in Twilio's words. */
    String carrierStatus() {
        return switch (outcome) {
            case DELIVERED -> "delivered";
            case UNDELIVERED -> "undelivered";
            case FAILED -> "failed";
            case REJECTED, TRANSIENT_FAILURE, TIMED_OUT ->
                throw new IllegalStateException(outcome + " is never reported on");
        };
    }
}
