package com.clientsms.saga.gateway;

import java.util.Map;

/**
 * Readable reasons for the carrier's (Twilio's) error codes, and which of them are worth another attempt. The raw code
 * is always kept beside the reason: Twilio adds codes over time, and an unknown one still has to be recorded.
 */
public final class CarrierErrors {

    /** The recipient replied STOP: the client is marked as opted out and skipped by later sends. */
    public static final String OPTED_OUT = "21610";

    public static final String INVALID_NUMBER = "21211";
    public static final String NOT_A_MOBILE = "21614";
    public static final String TOO_MANY_REQUESTS = "20429";

    private static final Map<String, String> PERMANENT = Map.ofEntries(
            Map.entry(INVALID_NUMBER, "The number is not a valid phone number."),
            Map.entry("21408", "Sending SMS to this country or region is not enabled for our carrier account."),
            Map.entry(OPTED_OUT, "The client has opted out of SMS from the practice (replied STOP)."),
            Map.entry(NOT_A_MOBILE, "The number is not a mobile number, so it cannot receive SMS."),
            Map.entry("30003", "The handset is unreachable (switched off or out of coverage)."),
            Map.entry("30004", "The message was blocked by the recipient or their carrier."),
            Map.entry("30005", "The number is unknown or no longer in service."),
            Map.entry("30006", "The number is a landline or its carrier cannot be reached."),
            Map.entry("30007", "The carrier filtered the message as spam."),
            Map.entry("30008", "The carrier reported an unknown error."));

    private static final String THROTTLED =
            "The carrier is receiving too many requests from us; the message may be sent later.";

    private CarrierErrors() {}

    /** A sentence a person can read for the code, or null when there is no code. */
    public static String reason(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String known = PERMANENT.get(code);
        if (known != null) {
            return known;
        }
        if (isThrottling(code)) {
            return THROTTLED;
        }
        if (isServerError(code)) {
            return "The carrier's service failed (HTTP " + code + "); the message may be sent later.";
        }
        return code.matches("[0-9]{1,8}")
                ? "The carrier reported error " + code + " (see https://www.twilio.com/docs/api/errors/" + code + ")."
                : "The carrier reported an unrecognised error.";
    }

    /** Throttling (429 / 20429) and the carrier's server errors (5xx) may succeed on a later attempt. */
    public static boolean isTransient(String code) {
        return code != null && (isThrottling(code) || isServerError(code));
    }

    /**
     * Everything else is final, unknown codes included: the Messages API has no idempotency key, so a message is never
     * sent again on a guess.
     */
    public static boolean isPermanent(String code) {
        return !isTransient(code);
    }

    private static boolean isThrottling(String code) {
        return code.equals(TOO_MANY_REQUESTS) || code.equals("429");
    }

    private static boolean isServerError(String code) {
        return code.matches("5[0-9][0-9]");
    }
}
