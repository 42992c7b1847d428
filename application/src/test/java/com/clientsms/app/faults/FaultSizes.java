package com.clientsms.app.faults;

import java.time.Duration;

/**
 * How big a scenario runs: smoke-sized in the ordinary build, full-sized under the {@code faults} Maven profile
 * (which sets these system properties).
 */
final class FaultSizes {

    /** Recipients of the broadcast, besides the demo practice's own clients. */
    static final int RECIPIENTS = Integer.getInteger("clientsms.faults.recipients", 100);
    /** Kills of the application during the broadcast. */
    static final int KILLS = Integer.getInteger("clientsms.faults.kills", 2);
    /** How long the read-model store stays unreachable. */
    static final Duration OUTAGE = Duration.parse(System.getProperty("clientsms.faults.outage", "PT5S"));
    /** Seed of the random kill moments. */
    static final long SEED = Long.getLong("clientsms.faults.seed", 11);

    /** Recipients of one scenario: {@code clientsms.faults.<scenario>.recipients}, else {@link #RECIPIENTS}. */
    static int recipients(String scenario) {
        return Integer.getInteger("clientsms.faults." + scenario + ".recipients", RECIPIENTS);
    }

    /** Generous: a 2-core machine shared with other builds has sent as few as 3 messages a second. */
    static Duration settleWithin(int recipients) {
        return Duration.ofSeconds(120 + recipients / 2);
    }

    private FaultSizes() {}
}
