package com.clientsms.app.faults;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Kills the application with {@code kill -9} at random moments of a broadcast and starts it again each time, against
 * stores and a carrier that outlive it. The carrier's memory judges "exactly once"; the event store and the read
 * models must show every message final, and the read models must equal a rebuild from the events.
 */
class KillAndRestartFaultTest {

    @Test
    void aBroadcastSurvivesKillsAtRandomMomentsWithNothingLostOrSentTwice() throws Exception {
        var faults = new FakeTwilio.Faults(0, 0, 0, 10, 30, Duration.ZERO);
        int recipients = FaultSizes.recipients("kill-restart");
        try (FaultRun run = new FaultRun("kill-restart", faults)) {
            run.start("app-0");
            run.registerClients(recipients);
            FaultRun.Accepted broadcast = run.broadcast();
            String broadcastId = broadcast.broadcastId();
            int expected = broadcast.targeted();
            int demoRecipients = expected - recipients;

            Random random = new Random(FaultSizes.SEED);
            List<Double> moments = new ArrayList<>();
            for (int i = 0; i < FaultSizes.KILLS; i++) {
                moments.add(0.05 + 0.85 * random.nextDouble());
            }
            moments.sort(Double::compareTo);
            int killedMidBroadcast = 0;
            List<String> kills = new ArrayList<>();
            Duration down = Duration.ZERO;
            for (int i = 0; i < moments.size(); i++) {
                long target = Math.round(moments.get(i) * expected);
                await().atMost(FaultSizes.settleWithin(recipients))
                        .pollInterval(Duration.ofMillis(10))
                        .until(() -> run.twilio.count("created") + run.twilio.count("rejected for good") >= target);
                long sentAtKill = run.twilio.count("created");
                AppInstance victim = run.instances.get(run.instances.size() - 1);
                victim.kill();
                Instant killed = Instant.now();
                if (run.settled(broadcastId) < expected) {
                    killedMidBroadcast++;
                }
                kills.add(String.valueOf(sentAtKill));
                FaultRun.progress("kill " + (i + 1) + " with " + sentAtKill + " of " + expected + " at the carrier");
                run.start("app-" + (i + 1));
                down = down.plus(Duration.between(killed, Instant.now()));
            }
            run.awaitSettled(broadcastId, expected, FaultSizes.settleWithin(recipients));

            Invariants invariants = new Invariants("kill -9 and restart during a broadcast");
            invariants.equal("kills with the broadcast unfinished", FaultSizes.KILLS, killedMidBroadcast);
            run.checkDelivery(invariants, broadcastId, expected);
            run.checkEqualToRebuild(invariants);
            invariants
                    .note(recipients + " recipients + " + demoRecipients + " demo clients, "
                            + FaultSizes.KILLS + " kills at carrier counts " + kills + " (seed " + FaultSizes.SEED
                            + "); down and restarting " + down.toSeconds() + " s in all")
                    .note("gateway: " + run.twilio.counters())
                    .note("whole run " + run.elapsed().toSeconds() + " s");
            invariants.verify();
            run.passed();
        }
    }
}
