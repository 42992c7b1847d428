package com.clientsms.query.mongo;

import java.time.Instant;
import java.util.Date;

/** MongoDB stores instants as BSON dates; these convert at the edge of every projection, null-safe. */
public final class MongoDates {

    private MongoDates() {}

    public static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    public static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
