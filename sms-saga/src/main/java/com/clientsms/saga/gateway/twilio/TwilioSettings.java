package com.clientsms.saga.gateway.twilio;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.Environment;

/**
 * Twilio's configuration, read from the environment variables Twilio's own documentation names. Checked as a whole
 * at start-up: a half-configured Twilio stops the start with one sentence saying what to set. The auth token is never
 * printed.
 *
 * @param accountSid {@code TWILIO_ACCOUNT_SID}
 * @param authToken {@code TWILIO_AUTH_TOKEN}
 * @param messagingServiceSid {@code TWILIO_MESSAGING_SERVICE_SID}, or null
 * @param fromNumber {@code TWILIO_FROM_NUMBER}, or null (one of the two is needed)
 * @param apiBaseUrl {@code TWILIO_API_BASE_URL}, or null for Twilio's own API
 * @param publicBaseUrl {@code PUBLIC_BASE_URL}: where Twilio calls back, without a trailing slash
 * @param connectTimeout {@code clientsms.twilio.connect-timeout}
 * @param readTimeout {@code clientsms.twilio.read-timeout}: a send that gets no answer within it is ambiguous
 */
record TwilioSettings(
        String accountSid,
        String authToken,
        String messagingServiceSid,
        String fromNumber,
        URI apiBaseUrl,
        String publicBaseUrl,
        Duration connectTimeout,
        Duration readTimeout) {

    static final String ACCOUNT_SID = "TWILIO_ACCOUNT_SID";
    static final String AUTH_TOKEN = "TWILIO_AUTH_TOKEN";
    static final String MESSAGING_SERVICE_SID = "TWILIO_MESSAGING_SERVICE_SID";
    static final String FROM_NUMBER = "TWILIO_FROM_NUMBER";
    static final String API_BASE_URL = "TWILIO_API_BASE_URL";
    static final String PUBLIC_BASE_URL = "PUBLIC_BASE_URL";
    static final String CONNECT_TIMEOUT = "clientsms.twilio.connect-timeout";
    static final String READ_TIMEOUT = "clientsms.twilio.read-timeout";

    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(15);

    /** Reads and checks the settings; throws IllegalStateException with the sentence to show. */
    static TwilioSettings from(Environment environment) {
        String accountSid = value(environment, ACCOUNT_SID);
        if (accountSid == null) {
            throw new IllegalStateException(ACCOUNT_SID + " is not set, so Twilio is not configured.");
        }
        String authToken = value(environment, AUTH_TOKEN);
        if (authToken == null) {
            throw new IllegalStateException(ACCOUNT_SID + " is set but " + AUTH_TOKEN
                    + " is not: set " + AUTH_TOKEN + " to the account's auth token, or unset " + ACCOUNT_SID
                    + " to use the simulated gateway.");
        }
        String messagingServiceSid = value(environment, MESSAGING_SERVICE_SID);
        String fromNumber = value(environment, FROM_NUMBER);
        if (messagingServiceSid == null && fromNumber == null) {
            throw new IllegalStateException(ACCOUNT_SID + " is set but neither " + MESSAGING_SERVICE_SID + " nor "
                    + FROM_NUMBER + " is: set one of them to say who sends the messages.");
        }
        String publicBaseUrl = value(environment, PUBLIC_BASE_URL);
        if (publicBaseUrl == null) {
            throw new IllegalStateException(ACCOUNT_SID + " is set but " + PUBLIC_BASE_URL
                    + " is not: set it to this application's externally visible base URL (e.g. https://sms.example.org)"
                    + " so that Twilio can report delivery statuses.");
        }
        httpUrl(PUBLIC_BASE_URL, publicBaseUrl);
        String apiBaseUrl = value(environment, API_BASE_URL);
        return new TwilioSettings(
                accountSid,
                authToken,
                messagingServiceSid,
                fromNumber,
                apiBaseUrl == null ? null : httpUrl(API_BASE_URL, apiBaseUrl),
                publicBaseUrl.replaceAll("/+$", ""),
                duration(environment, CONNECT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT),
                duration(environment, READ_TIMEOUT, DEFAULT_READ_TIMEOUT));
    }

    /** Set and not blank: an empty environment variable counts as unset. */
    static boolean isSet(Environment environment, String name) {
        return value(environment, name) != null;
    }

    private static String value(Environment environment, String name) {
        String value = environment.getProperty(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static URI httpUrl(String name, String value) {
        try {
            URI uri = new URI(value);
            if (uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // falls through to the sentence below
        }
        throw new IllegalStateException(
                name + " must be an absolute http or https URL such as https://sms.example.org, was '" + value + "'.");
    }

    /** A duration such as "5s" or "1500ms" (or plain milliseconds), longer than zero. */
    private static Duration duration(Environment environment, String name, Duration defaultValue) {
        String text = value(environment, name);
        Duration duration;
        try {
            duration = text == null ? defaultValue : DurationStyle.detectAndParse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + " must be a duration such as 5s or 1500ms, was '" + text + "'.");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalStateException(name + " must be longer than zero.");
        }
        return duration;
    }

    @Override
    public String toString() {
        return "TwilioSettings[accountSid=" + accountSid + ", authToken=****, messagingServiceSid="
                + messagingServiceSid + ", fromNumber=" + fromNumber + ", apiBaseUrl="
                + (apiBaseUrl == null ? "Twilio's" : apiBaseUrl) + ", publicBaseUrl=" + publicBaseUrl
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }
}
