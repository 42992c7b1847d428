package com.clientsms.app.faults;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Cuts the application off from its read-model store (MongoDB) in the middle of a broadcast. Sending depends only on
 * PostgreSQL, so it must go on; the projections must fail their batches rather than skip events, and catch up with
 * nothing missing once MongoDB is back.
 */
class ReadModelOutageFaultTest {

    @Test
    void sendsContinueWhileTheReadModelsAreDownAndTheProjectionsCatchUpWithNothingMissing() throws Exception {
        var faults = new FakeTwilio.Faults(0, 0, 0, 10, 30, Duration.ZERO);
        int recipients = FaultSizes.recipients("read-model-outage");
        try (FaultRun run = new FaultRun("read-model-outage", faults)) {
            run.start("app");
            run.registerClients(recipients);
            FaultRun.Accepted broadcast = run.broadcast();
            String broadcastId = broadcast.broadcastId();
            int expected = broadcast.targeted();
            await().atMost(FaultSizes.settleWithin(recipients))
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> run.twilio.count("created") >= expected / 10);

            long sentBefore = run.twilio.count("created");
            long modelledBefore = run.finalInClientHistory(broadcastId);
            run.stores.mongoProxy().cut();
            Instant cut = Instant.now();
            FaultRun.progress("read-model store cut off for " + FaultSizes.OUTAGE);
            await().pollDelay(FaultSizes.OUTAGE)
                    .atMost(FaultSizes.OUTAGE.plusSeconds(5))
                    .until(() -> true);
            long sentDuring = run.twilio.count("created") - sentBefore;
            long settledDuring = run.settled(broadcastId);
            run.stores.mongoProxy().restore();
            Duration outage = Duration.between(cut, Instant.now());
            FaultRun.progress("read-model store back after " + outage.toMillis() + " ms");

            Instant restored = Instant.now();
            run.awaitSettled(broadcastId, expected, FaultSizes.settleWithin(recipients));
            Duration catchUp = Duration.between(restored, Instant.now());

            Invariants invariants = new Invariants("read-model store unavailable during a broadcast");
            invariants
                    .atLeast("messages accepted by the gateway during the outage", 1, sentDuring)
                    .atLeast("messages final in the event store by the end of the outage", sentBefore, settledDuring);
            run.checkDelivery(invariants, broadcastId, expected);
            run.checkEqualToRebuild(invariants);
            invariants
                    .note(recipients + " recipients + " + (expected - recipients)
                            + " demo clients; outage " + outage.toMillis() + " ms after " + sentBefore
                            + " messages were at the carrier (" + modelledBefore + " final in the client history)")
                    .note(sentDuring + " messages reached the carrier during the outage; the read models caught up "
                            + catchUp.toSeconds() + " s after it ended")
                    .note("gateway: " + run.twilio.counters())
                    .note("whole run " + run.elapsed().toSeconds() + " s");
            invariants.verify();
            run.passed();
        }
    }
}
