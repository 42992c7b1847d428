package com.clientsms.app.faults;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A carrier that answers 20 % of submissions with a 5xx, 10 % with 429 and 5 % too late (the message was taken, the
 * answer times out), refuses some numbers for good and cannot reach some handsets. Retries and look-ups must deliver
 * every message exactly once, and every permanent error must be recorded with its code and reason.
 */
class FlakyGatewayFaultTest {

    @Test
    void aFlakyGatewayLosesNothingDuplicatesNothingAndEveryPermanentErrorHasItsReason() throws Exception {
        var faults = new FakeTwilio.Faults(0.20, 0.10, 0.05, 10, 30, Duration.ofMillis(1_500));
        int recipients = FaultSizes.recipients("flaky-gateway");
        try (FaultRun run = new FaultRun("flaky-gateway", faults)) {
            run.start("app");
            run.registerClients(recipients);
            FaultRun.Accepted broadcast = run.broadcast();
            String broadcastId = broadcast.broadcastId();
            int expected = broadcast.targeted();
            run.awaitSettled(broadcastId, expected, FaultSizes.settleWithin(recipients));

            Invariants invariants = new Invariants("flaky gateway (20% 5xx, 10% 429, 5% ambiguous)");
            invariants.atLeast(
                    "transient failures met (5xx + 429 + ambiguous)",
                    1,
                    run.twilio.count("answered 5xx")
                            + run.twilio.count("answered 429")
                            + run.twilio.count("answered too late (ambiguous)"));
            run.checkDelivery(invariants, broadcastId, expected);
            run.checkEqualToRebuild(invariants);
            invariants
                    .note(recipients + " recipients + " + (expected - recipients) + " demo clients")
                    .note("gateway: " + run.twilio.counters())
                    .note("whole run " + run.elapsed().toSeconds() + " s");
            invariants.verify();
            run.passed();
        }
    }
}
