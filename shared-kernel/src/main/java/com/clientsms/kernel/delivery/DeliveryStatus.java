package com.clientsms.kernel.delivery;

import java.util.Locale;

/**
 * Where a message is on its way to the handset. Ranks only go up: a late or repeated report of an earlier status
 * never moves a message backwards, and a final status is never left.
 */
public enum DeliveryStatus {
    REQUESTED(0),
    ACCEPTED(1),
    SENT(2),
    DELIVERED(3),
    UNDELIVERED(3),
    FAILED(3);

    private final int rank;

    DeliveryStatus(int rank) {
        this.rank = rank;
    }

    /** Position on the way to the handset (0 requested .. 3 final); final statuses share the last rank. */
    public int rank() {
        return rank;
    }

    public boolean isFinal() {
        return rank == 3;
    }

    public boolean isAfter(DeliveryStatus other) {
        return rank > other.rank;
    }

    /** The lower-case name the API uses. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Maps Twilio's MessageStatus values. Statuses before "sent" all mean the carrier has the message in hand;
     * "canceled" means it will never go out.
     */
    public static DeliveryStatus fromTwilio(String status) {
        return switch (status == null ? "" : status.toLowerCase(Locale.ROOT)) {
            case "queued", "accepted", "scheduled", "sending" -> ACCEPTED;
            case "sent" -> SENT;
            case "delivered", "read" -> DELIVERED;
            case "undelivered" -> UNDELIVERED;
            case "failed", "canceled" -> FAILED;
            default -> throw new IllegalArgumentException("Unknown Twilio message status '" + status + "'");
        };
    }
}
