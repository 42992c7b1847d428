package com.clientsms.app.ui;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Formatting for the templates ({@code ${@pageFormat.time(x)}}). Times are written in UTC with the zone named; the
 * pages' script rewrites them in the reader's own time zone.
 */
@Component("pageFormat")
class PageFormat {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    public String encoding(String encoding) {
        return "UCS_2".equals(encoding) ? "UCS-2" : "GSM-7";
    }

    /** A status in words for people; the badge's colour is never the only cue. */
    public String status(String status) {
        return switch (status == null ? "" : status) {
            case "requested" -> "Requested";
            case "accepted" -> "Accepted by carrier";
            case "sent" -> "Sent";
            case "delivered" -> "Delivered";
            case "undelivered" -> "Undelivered";
            case "failed" -> "Failed";
            default -> status;
        };
    }

    public String audience(String audience) {
        return switch (audience == null ? "" : audience.toLowerCase(Locale.ROOT)) {
            case "client" -> "One client";
            case "group" -> "Group";
            case "all" -> "All clients";
            default -> audience;
        };
    }
}
