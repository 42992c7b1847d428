package com.clientsms.app.ui;

import com.clientsms.kernel.query.BroadcastOutcome;
import com.clientsms.kernel.query.StatusCounts;
import java.util.List;

/**
 * A broadcast's outcome as its page shows it: the counts as chart bars, how many messages have reached a final
 * status, and one sentence saying where the broadcast is. The page's script receives the same, as JSON.
 */
record OutcomeView(BroadcastOutcome outcome, List<Bar> bars, long finished, boolean drained, String state) {

    record Bar(String status, long count, double percent) {}

    static OutcomeView of(BroadcastOutcome outcome) {
        StatusCounts c = outcome.counts();
        long targeted = outcome.targeted();
        List<Bar> bars = List.of(
                bar("requested", c.requested(), targeted),
                bar("accepted", c.accepted(), targeted),
                bar("sent", c.sent(), targeted),
                bar("delivered", c.delivered(), targeted),
                bar("undelivered", c.undelivered(), targeted),
                bar("failed", c.failed(), targeted));
        long finished = c.delivered() + c.undelivered() + c.failed();
        boolean drained = finished >= targeted;
        String state = drained
                ? "Finished: " + c.delivered() + " delivered, " + c.undelivered() + " undelivered, " + c.failed()
                        + " failed of " + targeted + " texted."
                : "Sending: " + finished + " of " + targeted + " finished so far.";
        return new OutcomeView(outcome, bars, finished, drained, state);
    }

    private static Bar bar(String status, long count, long targeted) {
        return new Bar(status, count, targeted == 0 ? 0 : Math.round(1000.0 * count / targeted) / 10.0);
    }
}
