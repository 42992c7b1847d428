package com.clientsms.saga.pacing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sending rate ({@code clientsms.delivery.rate.*}). Zero means unlimited; when both rates are set, the slower
 * one wins for each message.
 *
 * @param messagesPerSecond messages per second (Twilio long code ~1, alphanumeric sender 10, short code 100+)
 * @param segmentsPerSecond SMS segments per second, so a 4-part message takes four times the slot of a short one
 * @param sender the name of the sender whose pace is kept (one From number or Messaging Service per installation)
 */
@ConfigurationProperties("clientsms.delivery.rate")
public record PacingProperties(
        @DefaultValue("0") double messagesPerSecond,
        @DefaultValue("0") double segmentsPerSecond,
        @DefaultValue("default") String sender) {

    public PacingProperties {
        if (messagesPerSecond < 0 || segmentsPerSecond < 0) {
            throw new IllegalArgumentException("clientsms.delivery.rate.* must be zero (unlimited) or more");
        }
        if (sender == null || sender.isBlank()) {
            throw new IllegalArgumentException("clientsms.delivery.rate.sender must not be blank");
        }
    }

    boolean unlimited() {
        return messagesPerSecond == 0 && segmentsPerSecond == 0;
    }

    /** How long a message of this size occupies the sender, in microseconds. */
    long slotMicros(int segments) {
        double seconds = 0;
        if (messagesPerSecond > 0) {
            seconds = 1 / messagesPerSecond;
        }
        if (segmentsPerSecond > 0) {
            seconds = Math.max(seconds, Math.max(1, segments) / segmentsPerSecond);
        }
        return Math.max(1, Math.round(seconds * 1_000_000));
    }
}
