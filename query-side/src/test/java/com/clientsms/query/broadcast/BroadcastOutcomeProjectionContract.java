package com.clientsms.query.broadcast;

import static com.clientsms.query.support.Events.ADMIN;
import static com.clientsms.query.support.Events.OTHER_PRACTICE;
import static com.clientsms.query.support.Events.PRACTICE;
import static com.clientsms.query.support.Events.T0;
import static com.clientsms.query.support.Events.accepted;
import static com.clientsms.query.support.Events.failed;
import static com.clientsms.query.support.Events.requested;
import static com.clientsms.query.support.Events.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.clientsms.kernel.body.SmsEncoding;
import com.clientsms.kernel.delivery.DeliveryStatus;
import com.clientsms.kernel.delivery.SmsStatusChanged;
import com.clientsms.kernel.query.BroadcastFailure;
import com.clientsms.kernel.query.BroadcastOutcome;
import com.clientsms.kernel.query.BroadcastPage;
import com.clientsms.kernel.query.BroadcastSummary;
import com.clientsms.kernel.query.FailedRecipients;
import com.clientsms.kernel.query.FindBroadcastOutcome;
import com.clientsms.kernel.query.FindBroadcasts;
import com.clientsms.kernel.query.FindFailedRecipients;
import com.clientsms.kernel.query.SkippedClient;
import com.clientsms.kernel.query.StatusCounts;
import com.clientsms.kernel.sending.Audience;
import com.clientsms.kernel.sending.BroadcastRequested;
import com.clientsms.kernel.sending.BroadcastResendRequested;
import com.clientsms.kernel.sending.MessageRequested;
import com.clientsms.kernel.sending.SkipReason;
import com.clientsms.kernel.sending.SkippedRecipient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The broadcast outcomes projection's behaviour, run against each MongoDB the product supports. */
abstract class BroadcastOutcomeProjectionContract {

    private BroadcastOutcomeProjection projection;

    abstract MongoTemplate freshDatabase();

    @BeforeEach
    void setUp() {
        projection = new BroadcastOutcomeProjection(freshDatabase());
    }

    @Test
    void outcomeShowsWhoSentWhatAndWhoWasSkippedWithTheReason() {
        broadcast("b1", PRACTICE, T0, "c1", "c2");

        BroadcastOutcome outcome = outcome("b1");
        assertThat(outcome.sender()).isEqualTo("alice");
        assertThat(outcome.senderName()).isEqualTo("Alice Admin");
        assertThat(outcome.requestedAt()).isEqualTo(T0);
        assertThat(outcome.body()).isEqualTo("Closed on Friday.");
        assertThat(outcome.audience()).isEqualTo("all");
        assertThat(outcome.targeted()).isEqualTo(2);
        assertThat(outcome.skipped()).containsExactly(new SkippedClient("c-inactive", "Ina Active", "inactive"));
        assertThat(outcome.counts()).isEqualTo(new StatusCounts(2, 0, 0, 0, 0, 0));
        assertThat(outcome.failures()).isEmpty();
    }

    @Test
    void countsFollowEachMessageAsTheBroadcastDrains() {
        broadcast("b1", PRACTICE, T0, "c1", "c2", "c3", "c4");
        projection.on(accepted("b1-c1", "c1", T0.plusSeconds(1)));
        projection.on(accepted("b1-c2", "c2", T0.plusSeconds(1)));
        projection.on(status("b1-c2", "c2", DeliveryStatus.SENT, T0.plusSeconds(2)));
        projection.on(status("b1-c3", "c3", DeliveryStatus.DELIVERED, T0.plusSeconds(3)));
        projection.on(failed("b1-c4", "c4", "30003", "The handset is unreachable.", T0.plusSeconds(3)));

        assertThat(outcome("b1").counts()).isEqualTo(new StatusCounts(0, 1, 1, 1, 0, 1));
    }

    @Test
    void failuresListTheClientTheRawCodeAndTheReason() {
        broadcast("b1", PRACTICE, T0, "c1", "c2", "c3");
        projection.on(failed("b1-c1", "c1", "30003", "The handset is unreachable.", T0.plusSeconds(3)));
        projection.on(undelivered("b1-c2", "c2", "30005", "Unknown number.", T0.plusSeconds(4)));
        projection.on(status("b1-c3", "c3", DeliveryStatus.DELIVERED, T0.plusSeconds(3)));

        assertThat(outcome("b1").failures())
                .containsExactly(
                        new BroadcastFailure(
                                "b1-c1",
                                "c1",
                                "Client c1",
                                "failed",
                                "30003",
                                "The handset is unreachable.",
                                T0.plusSeconds(3)),
                        new BroadcastFailure(
                                "b1-c2",
                                "c2",
                                "Client c2",
                                "undelivered",
                                "30005",
                                "Unknown number.",
                                T0.plusSeconds(4)));
        assertThat(projection.handle(new FindFailedRecipients(PRACTICE, "b1"))).hasValueSatisfying(failed -> {
            assertThat(failed.clientIds()).containsExactly("c1", "c2");
            assertThat(failed.body()).isEqualTo("Closed on Friday.");
            assertThat(failed.audience()).isEqualTo("all");
        });
    }

    @Test
    void duplicatedAndLateEventsNeverCountTwiceOrMoveBack() {
        broadcast("b1", PRACTICE, T0, "c1", "c2");
        SmsStatusChanged delivered = status("b1-c1", "c1", DeliveryStatus.DELIVERED, T0.plusSeconds(3));
        projection.on(delivered);
        projection.on(delivered);
        projection.on(status("b1-c1", "c1", DeliveryStatus.SENT, T0.plusSeconds(2)));
        projection.on(accepted("b1-c1", "c1", T0.plusSeconds(1)));
        broadcast("b1", PRACTICE, T0, "c1", "c2");

        assertThat(outcome("b1").counts()).isEqualTo(new StatusCounts(1, 0, 0, 1, 0, 0));
    }

    @Test
    void aFinalStatusIsNeverReplacedByAnother() {
        broadcast("b1", PRACTICE, T0, "c1");
        projection.on(status("b1-c1", "c1", DeliveryStatus.DELIVERED, T0.plusSeconds(3)));
        projection.on(failed("b1-c1", "c1", "30008", "Unknown error.", T0.plusSeconds(4)));

        assertThat(outcome("b1").counts()).isEqualTo(new StatusCounts(0, 0, 0, 1, 0, 0));
        assertThat(outcome("b1").failures()).isEmpty();
    }

    @Test
    void messagesToASingleClientAreNoBroadcastsConcern() {
        projection.on(requested("m1", "c1", T0));
        projection.on(status("m1", "c1", DeliveryStatus.DELIVERED, T0));

        assertThat(projection.handle(new FindBroadcasts(PRACTICE, 0, 20)).total())
                .isZero();
    }

    @Test
    void listIsNewestFirstPagedAndCarriesTheCounts() {
        for (int i = 0; i < 3; i++) {
            broadcast("b" + i, PRACTICE, T0.plus(Duration.ofMinutes(i)), "c1");
        }
        projection.on(status("b2-c1", "c1", DeliveryStatus.DELIVERED, T0.plusSeconds(600)));

        BroadcastPage first = projection.handle(new FindBroadcasts(PRACTICE, 0, 2));
        BroadcastPage second = projection.handle(new FindBroadcasts(PRACTICE, 1, 2));

        assertThat(first.total()).isEqualTo(3);
        assertThat(first.items()).extracting(BroadcastSummary::broadcastId).containsExactly("b2", "b1");
        assertThat(first.items().get(0).counts()).isEqualTo(new StatusCounts(0, 0, 0, 1, 0, 0));
        assertThat(first.items().get(0).skipped()).isEqualTo(1);
        assertThat(second.items()).extracting(BroadcastSummary::broadcastId).containsExactly("b0");
    }

    @Test
    void anotherPracticesBroadcastDoesNotExistForTheCaller() {
        broadcast("b1", PRACTICE, T0, "c1");

        assertThat(projection.handle(new FindBroadcastOutcome(OTHER_PRACTICE, "b1")))
                .isEmpty();
        assertThat(projection.handle(new FindFailedRecipients(OTHER_PRACTICE, "b1")))
                .isEmpty();
        assertThat(projection.handle(new FindBroadcasts(OTHER_PRACTICE, 0, 20)).items())
                .isEmpty();
    }

    @Test
    void aResendIsLinkedToTheBroadcastItResends() {
        broadcast("b1", PRACTICE, T0, "c1");
        projection.on(new BroadcastResendRequested("b2", PRACTICE, "b1", ADMIN, T0.plusSeconds(60)));
        broadcast("b2", PRACTICE, T0.plusSeconds(60), "c1");

        assertThat(outcome("b2").resendOf()).isEqualTo("b1");
        assertThat(outcome("b1").resendOf()).isNull();
    }

    @Test
    void nothingFailedMeansNoRecipientsToResend() {
        broadcast("b1", PRACTICE, T0, "c1");
        projection.on(status("b1-c1", "c1", DeliveryStatus.DELIVERED, T0));

        assertThat(projection.handle(new FindFailedRecipients(PRACTICE, "b1")))
                .map(FailedRecipients::clientIds)
                .hasValue(List.of());
    }

    @Test
    void resetEmptiesTheModel() {
        broadcast("b1", PRACTICE, T0, "c1");

        projection.reset();

        assertThat(projection.handle(new FindBroadcastOutcome(PRACTICE, "b1"))).isEmpty();
    }

    private void broadcast(String broadcastId, String practiceId, Instant at, String... clientIds) {
        projection.on(new BroadcastRequested(
                broadcastId,
                practiceId,
                ADMIN,
                Audience.ALL,
                null,
                null,
                "Closed on Friday.",
                17,
                SmsEncoding.GSM_7,
                1,
                clientIds.length,
                List.of(new SkippedRecipient("c-inactive", "Ina Active", SkipReason.INACTIVE)),
                List.of(),
                at));
        for (String clientId : clientIds) {
            projection.on(new MessageRequested(
                    broadcastId + "-" + clientId,
                    practiceId,
                    clientId,
                    "Client " + clientId,
                    "+61412000111",
                    ADMIN,
                    Audience.ALL,
                    broadcastId,
                    null,
                    "Closed on Friday.",
                    17,
                    SmsEncoding.GSM_7,
                    1,
                    at));
        }
    }

    private static SmsStatusChanged undelivered(
            String messageId, String clientId, String code, String reason, Instant at) {
        return new SmsStatusChanged(
                messageId, PRACTICE, clientId, DeliveryStatus.UNDELIVERED, code, reason, "SM" + messageId, at);
    }

    private BroadcastOutcome outcome(String broadcastId) {
        return projection
                .handle(new FindBroadcastOutcome(PRACTICE, broadcastId))
                .orElseThrow();
    }
}
