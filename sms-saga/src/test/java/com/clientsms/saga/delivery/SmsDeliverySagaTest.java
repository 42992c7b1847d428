package com.clientsms.saga.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;

import com.clientsms.kernel.body.SmsEncoding;
import com.clientsms.kernel.delivery.DeliveryStatus;
import com.clientsms.kernel.delivery.RecordDeliveryStatus;
import com.clientsms.kernel.delivery.RecordSmsAccepted;
import com.clientsms.kernel.delivery.SmsStatusChanged;
import com.clientsms.kernel.directory.RecordClientOptOut;
import com.clientsms.kernel.sending.Audience;
import com.clientsms.kernel.sending.MessageRequested;
import com.clientsms.kernel.staff.Role;
import com.clientsms.kernel.staff.StaffRef;
import com.clientsms.saga.gateway.DeliveryReport;
import com.clientsms.saga.gateway.OutboundSms;
import com.clientsms.saga.gateway.SendOutcome;
import com.clientsms.saga.ledger.AttemptOutcome;
import com.clientsms.saga.ledger.InMemorySendLedger;
import com.clientsms.saga.ledger.OnceOnlySender;
import com.clientsms.saga.pacing.SendPacer;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SmsDeliverySagaTest {

    private static final String MESSAGE_ID = "msg-1";
    private static final String PRACTICE_ID = "practice-1";
    private static final String CLIENT_ID = "client-1";
    private static final String PROVIDER_ID = "SM0123456789abcdef0123456789abcdef";
    private static final Instant ACCEPTED_AT = Instant.parse("2026-12-03T10:00:01Z");
    private static final StaffRef SENDER = new StaffRef("staff-1", "pat", "Pat", Role.PRACTITIONER, PRACTICE_ID);
    private static final OutboundSms SMS =
            new OutboundSms(MESSAGE_ID, PRACTICE_ID, "+61412345678", "Please call the practice.", 1);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);
    private static final Duration STUCK_AFTER = Duration.ofMinutes(30);
    private static final Duration AMBIGUOUS_WAIT = Duration.ofSeconds(30);
    private static final DeliveryPolicy POLICY = new DeliveryPolicy(
            new DeliveryPolicy.Retry(3, Duration.ofSeconds(2), MAX_BACKOFF), STUCK_AFTER, 2, AMBIGUOUS_WAIT);

    private static final SendOutcome TOO_MANY = new SendOutcome.TransientFailure("20429", "Too many requests.");

    private SagaTestFixture<SmsDeliverySaga> fixture;
    private ScriptedSmsGateway gateway;
    private InMemorySendLedger ledger;
    private Instant nextSlot;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(SmsDeliverySaga.class);
        gateway = new ScriptedSmsGateway(new SendOutcome.Accepted(PROVIDER_ID, ACCEPTED_AT));
        ledger = new InMemorySendLedger();
        SendPacer pacer = (segments, notBefore) -> Optional.ofNullable(nextSlot);
        fixture.registerResource(gateway);
        fixture.registerResource(new OnceOnlySender(ledger, gateway));
        fixture.registerResource(pacer);
        fixture.registerResource(POLICY);
        // Half of each backoff ceiling: 1 s after the first failure, 2 s after the second.
        fixture.registerResource((Jitter) () -> 0.5);
        // The saga stamps a refusal with the moment it learnt of it; the other fields are compared exactly.
        fixture.registerIgnoredField(RecordDeliveryStatus.class, "occurredAt");
    }

    @Test
    void requestedMessageIsHandedToTheGatewayForItsRecipient() {
        fixture.givenNoPriorActivity().whenPublishingA(requested(MESSAGE_ID));

        assertThat(gateway.sent()).containsExactly(SMS);
    }

    @Test
    void acceptedMessageIsRecordedWithTheCarriersId() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(requested(MESSAGE_ID))
                .expectDispatchedCommands(
                        new RecordSmsAccepted(MESSAGE_ID, PRACTICE_ID, CLIENT_ID, PROVIDER_ID, ACCEPTED_AT));
    }

    @Test
    void acceptedMessageIsFollowedUntilItsStatusIsFinal() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(requested(MESSAGE_ID))
                .expectActiveSagas(1)
                .expectAssociationWith("messageId", MESSAGE_ID)
                .expectScheduledDeadline(STUCK_AFTER, new StatusCheck(PROVIDER_ID));
    }

    @Test
    void acceptedMessageIsNotSentAgain() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(requested(MESSAGE_ID))
                .expectNoScheduledDeadlineWithName(Duration.ofDays(1), SmsDeliverySaga.SEND);
    }

    @Test
    void rejectedMessageIsRecordedAsFailedWithTheCarriersCodeAndReason() {
        gateway.answerWith(new SendOutcome.Rejected("21211", "The number is not a valid phone number."));

        fixture.givenNoPriorActivity()
                .whenPublishingA(requested(MESSAGE_ID))
                .expectDispatchedCommands(failed("21211", "The number is not a valid phone number."));
    }

    @Test
    void refusalIsDatedWhenTheSagaLearntOfIt() {
        Instant before = Instant.now();
        gateway.answerWith(new SendOutcome.Rejected("21211", "The number is not a valid phone number."));

        fixture.givenNoPriorActivity()
                .whenPublishingA(requested(MESSAGE_ID))
                .expectDispatchedCommandsMatching(payloadsMatching(exactSequenceOf(
                        matches(command -> command instanceof RecordDeliveryStatus status
                                && !status.occurredAt().isBefore(before)
                                && !status.occurredAt().isAfter(Instant.now())),
                        andNoMore())));
    }

    @Test
    void permanentRefusalEndsTheSagaWithoutARetry() {
        gateway.answerWith(new SendOutcome.Rejected("21614", "The number is not a mobile number."));

        fixture.givenNoPriorActivity()
                .whenPublishingA(requested(MESSAGE_ID))
                .expectActiveSagas(0)
                .expectNoAssociationWith("messageId", MESSAGE_ID)
                .expectNoScheduledDeadlines();
        assertThat(gateway.sent()).hasSize(1);
    }

    @Test
    void rejectionWithoutAReasonGetsTheReadableReasonOfItsCode() {
        gateway.answerWith(new SendOutcome.Rejected("30007", null));

        fixture.givenNoPriorActivity()
                .whenPublishingA(requested(MESSAGE_ID))
                .expectDispatchedCommands(failed("30007", "The carrier filtered the message as spam."));
    }

    @Test
    void rejectionBecauseTheClientOptedOutAlsoRecordsTheOptOut() {
        gateway.answerWith(new SendOutcome.Rejected("21610", "The client has opted out."));

        fixture.givenNoPriorActivity()
                .whenPublishingA(requested(MESSAGE_ID))
                .expectDispatchedCommands(
                        failed("21610", "The client has opted out."),
                        new RecordClientOptOut(CLIENT_ID, "21610", MESSAGE_ID))
                .expectActiveSagas(0);
    }

    @Test
    void transientFailureIsRetriedAfterABackoffWithinTheFirstCeiling() {
        gateway.answerWith(new SendOutcome.TransientFailure("20429", "Too many requests."));

        fixture.givenNoPriorActivity()
                .whenPublishingA(requested(MESSAGE_ID))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1)
                .expectScheduledDeadline(Duration.ofSeconds(1), SMS);
    }

    @Test
    void secondRetryWaitsTwiceAsLong() {
        gateway.answerWith(new SendOutcome.TransientFailure("503", "Service unavailable."));

        fixture.givenAPublished(requested(MESSAGE_ID))
                .whenTimeElapses(Duration.ofSeconds(1))
                .expectScheduledDeadline(Duration.ofSeconds(2), SMS)
                .expectNoDispatchedCommands();
    }

    @Test
    void retryThatGetsThroughRecordsTheAcceptance() {
        gateway.answerInTurn(new SendOutcome.TransientFailure("20429", "Too many requests."));

        fixture.givenAPublished(requested(MESSAGE_ID))
                .whenTimeElapses(MAX_BACKOFF)
                .expectDeadlinesMetMatching(payloadsMatching(exactSequenceOf(matches(SMS::equals), andNoMore())))
                .expectDispatchedCommands(
                        new RecordSmsAccepted(MESSAGE_ID, PRACTICE_ID, CLIENT_ID, PROVIDER_ID, ACCEPTED_AT));
        assertThat(gateway.sent()).hasSize(2);
    }

    @Test
    void sagaGivesUpAfterTheAttemptLimitWithTheLastReason() {
        gateway.answerWith(new SendOutcome.TransientFailure("20429", "Too many requests."));

        fixture.givenAPublished(requested(MESSAGE_ID))
                .whenTimeElapses(Duration.ofHours(1))
                .expectDispatchedCommands(failed("20429", "gave up after 3 attempts: Too many requests."))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
        assertThat(gateway.sent()).hasSize(3);
    }

    @Test
    void ambiguousAttemptFoundAtTheCarrierIsRecordedAndNotSentAgain() {
        gateway.answerInTurn(new SendOutcome.Ambiguous("Read timed out."));
        gateway.findOnLookup(new SendOutcome.Accepted("SMfound", ACCEPTED_AT));

        fixture.givenAPublished(requested(MESSAGE_ID))
                .whenTimeElapses(MAX_BACKOFF)
                .expectDispatchedCommands(
                        new RecordSmsAccepted(MESSAGE_ID, PRACTICE_ID, CLIENT_ID, "SMfound", ACCEPTED_AT));
        assertThat(gateway.sent()).hasSize(1);
        assertThat(gateway.lookUps()).isOne();
        assertThat(ledger.attempts(MESSAGE_ID)).extracting(a -> a.outcome()).containsExactly(AttemptOutcome.ACCEPTED);
    }

    @Test
    void anUnansweredAttemptIsNotLookedUpBeforeAStragglingRequestCouldHaveArrived() {
        gateway.answerInTurn(new SendOutcome.Ambiguous("Read timed out."));

        fixture.givenNoPriorActivity()
                .whenPublishingA(requested(MESSAGE_ID))
                .expectScheduledDeadlineWithName(AMBIGUOUS_WAIT, SmsDeliverySaga.SEND);
        assertThat(gateway.lookUps()).isZero();
    }

    @Test
    void ambiguousAttemptUnknownToTheCarrierIsSentAgain() {
        gateway.answerInTurn(new SendOutcome.Ambiguous("Connection reset."));

        fixture.givenAPublished(requested(MESSAGE_ID))
                .whenTimeElapses(MAX_BACKOFF)
                .expectDispatchedCommands(
                        new RecordSmsAccepted(MESSAGE_ID, PRACTICE_ID, CLIENT_ID, PROVIDER_ID, ACCEPTED_AT));
        assertThat(gateway.sent()).hasSize(2);
        assertThat(ledger.attempts(MESSAGE_ID))
                .extracting(a -> a.outcome())
                .containsExactly(AttemptOutcome.NOT_FOUND, AttemptOutcome.ACCEPTED);
    }

    @Test
    void ambiguousAttemptsUpToTheLimitEndAsFailed() {
        gateway.answerWith(new SendOutcome.Ambiguous("Read timed out."));

        fixture.givenAPublished(requested(MESSAGE_ID))
                .whenTimeElapses(Duration.ofHours(1))
                .expectDispatchedCommands(failed("ambiguous", "gave up after 3 attempts: Read timed out."))
                .expectActiveSagas(0);
    }

    @Test
    void unansweredLastAttemptIsNotCalledFailedBeforeTheCarrierIsAsked() {
        gateway.answerInTurn(TOO_MANY, TOO_MANY, new SendOutcome.Ambiguous("Read timed out."));

        fixture.givenAPublished(requested(MESSAGE_ID))
                .whenTimeElapses(Duration.ofSeconds(10))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
        assertThat(gateway.sent()).hasSize(3);
        assertThat(gateway.lookUps()).isZero();
    }

    @Test
    void unansweredLastAttemptTheCarrierHasIsRecordedAsAcceptedNotFailed() {
        gateway.answerInTurn(TOO_MANY, TOO_MANY, new SendOutcome.Ambiguous("Read timed out."));
        gateway.findOnLookup(new SendOutcome.Accepted("SMlast", ACCEPTED_AT));

        fixture.givenAPublished(requested(MESSAGE_ID))
                .whenTimeElapses(Duration.ofHours(1))
                .expectDispatchedCommands(
                        new RecordSmsAccepted(MESSAGE_ID, PRACTICE_ID, CLIENT_ID, "SMlast", ACCEPTED_AT))
                .expectActiveSagas(1);
        assertThat(gateway.sent()).hasSize(3);
        assertThat(ledger.attempts(MESSAGE_ID))
                .extracting(a -> a.outcome())
                .containsExactly(
                        AttemptOutcome.TRANSIENT_FAILURE, AttemptOutcome.TRANSIENT_FAILURE, AttemptOutcome.ACCEPTED);
    }

    @Test
    void carrierThatCannotBeAskedAboutTheLastAttemptIsAskedAgain() {
        gateway.answerInTurn(TOO_MANY, TOO_MANY, new SendOutcome.Ambiguous("Read timed out."));
        gateway.findOnLookup(new SendOutcome.Accepted("SMlast", ACCEPTED_AT));
        gateway.failLookUps(1);

        fixture.givenAPublished(requested(MESSAGE_ID))
                .whenTimeElapses(Duration.ofHours(1))
                .expectDispatchedCommands(
                        new RecordSmsAccepted(MESSAGE_ID, PRACTICE_ID, CLIENT_ID, "SMlast", ACCEPTED_AT));
        assertThat(gateway.lookUps()).isEqualTo(2);
        assertThat(gateway.sent()).hasSize(3);
    }

    @Test
    void carrierThatCanNeverBeAskedEndsTheMessageFailedSayingSo() {
        gateway.answerInTurn(TOO_MANY, TOO_MANY, new SendOutcome.Ambiguous("Read timed out."));
        gateway.failLookUps(Integer.MAX_VALUE);

        fixture.givenAPublished(requested(MESSAGE_ID))
                .whenTimeElapses(Duration.ofHours(1))
                .expectDispatchedCommands(failed(
                        "ambiguous",
                        "gave up after 3 attempts: Read timed out. The carrier could not be asked whether it has the"
                                + " message after 2 tries."))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
        assertThat(gateway.sent()).hasSize(3);
    }

    @Test
    void finalReportWhileTheLastAttemptWaitsForItsLookUpEndsTheSaga() throws Exception {
        gateway.answerInTurn(TOO_MANY, TOO_MANY, new SendOutcome.Ambiguous("Read timed out."));

        fixture.givenAPublished(requested(MESSAGE_ID))
                .andThenTimeElapses(Duration.ofSeconds(10))
                .whenPublishingA(statusChanged(MESSAGE_ID, DeliveryStatus.DELIVERED, null))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
        assertThat(gateway.lookUps()).isZero();
    }

    @Test
    void gatewayThatThrowsIsTreatedAsAmbiguousInsteadOfFailingTheEvent() {
        gateway.failWith(new IllegalStateException("adapter bug"));

        fixture.givenNoPriorActivity()
                .whenPublishingA(requested(MESSAGE_ID))
                .expectSuccessfulHandlerExecution()
                .expectNoDispatchedCommands()
                .expectScheduledDeadline(AMBIGUOUS_WAIT, SMS);
    }

    @Test
    void requestRedeliveredAfterACrashMidSendIsLookedUpNotSentAgain() {
        ledger.crashedDuringAttempt(MESSAGE_ID, Instant.now());
        gateway.findOnLookup(new SendOutcome.Accepted("SMbeforecrash", ACCEPTED_AT));

        fixture.givenNoPriorActivity()
                .whenPublishingA(requested(MESSAGE_ID))
                .expectDispatchedCommands(
                        new RecordSmsAccepted(MESSAGE_ID, PRACTICE_ID, CLIENT_ID, "SMbeforecrash", ACCEPTED_AT));
        assertThat(gateway.sent()).isEmpty();
    }

    @Test
    void requestRedeliveredAfterARolledBackBatchIsNeverSentTwice() {
        int attempt = ledger.begin(MESSAGE_ID, Instant.now());
        ledger.finish(MESSAGE_ID, attempt, AttemptOutcome.ACCEPTED, "SMfirst", null, Instant.now());

        fixture.givenNoPriorActivity()
                .whenPublishingA(requested(MESSAGE_ID))
                .expectDispatchedCommandsMatching(payloadsMatching(exactSequenceOf(
                        matches(command -> command instanceof RecordSmsAccepted accepted
                                && accepted.providerMessageId().equals("SMfirst")),
                        andNoMore())));
        assertThat(gateway.sent()).isEmpty();
        assertThat(gateway.lookUps()).isZero();
    }

    @Test
    void requestDeliveredAgainToItsRunningSagaChangesNothing() {
        fixture.givenAPublished(requested(MESSAGE_ID))
                .whenPublishingA(requested(MESSAGE_ID))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
        assertThat(gateway.sent()).hasSize(1);
    }

    @Test
    void pacedMessageWaitsForItsSlot() {
        nextSlot = Instant.now().plusSeconds(10);

        fixture.givenNoPriorActivity()
                .whenPublishingA(requested(MESSAGE_ID))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(nextSlot, SmsDeliverySaga.SEND);
        assertThat(gateway.sent()).isEmpty();
    }

    @Test
    void pacedMessageGoesOutWhenItsSlotComes() {
        nextSlot = fixture.currentTime().plusSeconds(10);

        fixture.givenAPublished(requested(MESSAGE_ID))
                .whenTimeAdvancesTo(nextSlot)
                .expectDispatchedCommands(
                        new RecordSmsAccepted(MESSAGE_ID, PRACTICE_ID, CLIENT_ID, PROVIDER_ID, ACCEPTED_AT));
        assertThat(gateway.sent()).containsExactly(SMS);
    }

    @Test
    void stuckMessageIsLookedUpAndItsStatusRecorded() {
        gateway.reportStatus(new DeliveryReport(PROVIDER_ID, MESSAGE_ID, "delivered", null, ACCEPTED_AT));

        fixture.givenAPublished(requested(MESSAGE_ID))
                .whenTimeElapses(STUCK_AFTER)
                .expectDispatchedCommands(new RecordDeliveryStatus(
                        MESSAGE_ID,
                        PRACTICE_ID,
                        CLIENT_ID,
                        DeliveryStatus.DELIVERED,
                        null,
                        null,
                        PROVIDER_ID,
                        ACCEPTED_AT));
    }

    @Test
    void stuckMessageFoundSettledEndsTheSaga() {
        gateway.reportStatus(new DeliveryReport(PROVIDER_ID, MESSAGE_ID, "undelivered", "30003", ACCEPTED_AT));

        fixture.givenAPublished(requested(MESSAGE_ID))
                .whenTimeElapses(STUCK_AFTER)
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void stuckMessageTheCarrierRefusedAsOptedOutMarksTheClient() {
        gateway.reportStatus(new DeliveryReport(PROVIDER_ID, MESSAGE_ID, "failed", "21610", ACCEPTED_AT));

        fixture.givenAPublished(requested(MESSAGE_ID))
                .whenTimeElapses(STUCK_AFTER)
                .expectDispatchedCommands(
                        new RecordDeliveryStatus(
                                MESSAGE_ID,
                                PRACTICE_ID,
                                CLIENT_ID,
                                DeliveryStatus.FAILED,
                                "21610",
                                "The client has opted out of SMS from the practice (replied STOP).",
                                PROVIDER_ID,
                                ACCEPTED_AT),
                        new RecordClientOptOut(CLIENT_ID, "21610", MESSAGE_ID));
    }

    @Test
    void stuckMessageStillUnderwayIsLookedUpAgainLater() {
        gateway.reportStatus(new DeliveryReport(PROVIDER_ID, MESSAGE_ID, "sent", null, ACCEPTED_AT));

        fixture.givenAPublished(requested(MESSAGE_ID))
                .whenTimeElapses(STUCK_AFTER)
                .expectScheduledDeadline(STUCK_AFTER, new StatusCheck(PROVIDER_ID))
                .expectActiveSagas(1);
    }

    @Test
    void messageTheCarrierNeverSettlesIsNoLongerFollowedAfterTheLastLookUp() {
        fixture.givenAPublished(requested(MESSAGE_ID))
                .whenTimeElapses(STUCK_AFTER.multipliedBy(3))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void finalStatusCancelsTheLookUp() {
        fixture.givenAPublished(requested(MESSAGE_ID))
                .whenPublishingA(statusChanged(MESSAGE_ID, DeliveryStatus.DELIVERED, null))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();
    }

    @Test
    void undeliveredStatusEndsTheSaga() {
        fixture.givenAPublished(requested(MESSAGE_ID))
                .whenPublishingA(statusChanged(MESSAGE_ID, DeliveryStatus.UNDELIVERED, "30003"))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    @Test
    void failedStatusEndsTheSaga() {
        fixture.givenAPublished(requested(MESSAGE_ID))
                .whenPublishingA(statusChanged(MESSAGE_ID, DeliveryStatus.FAILED, "30008"))
                .expectActiveSagas(0);
    }

    @Test
    void sentStatusKeepsFollowingTheMessage() {
        fixture.givenAPublished(requested(MESSAGE_ID))
                .whenPublishingA(statusChanged(MESSAGE_ID, DeliveryStatus.SENT, null))
                .expectActiveSagas(1)
                .expectAssociationWith("messageId", MESSAGE_ID)
                .expectNoDispatchedCommands()
                .expectScheduledDeadline(STUCK_AFTER, new StatusCheck(PROVIDER_ID));
    }

    @Test
    void carrierReportedOptOutMarksTheClientAsOptedOut() {
        fixture.givenAPublished(requested(MESSAGE_ID))
                .whenPublishingA(statusChanged(MESSAGE_ID, DeliveryStatus.FAILED, "21610"))
                .expectDispatchedCommands(new RecordClientOptOut(CLIENT_ID, "21610", MESSAGE_ID))
                .expectActiveSagas(0);
    }

    @Test
    void statusOfAnotherMessageLeavesTheSagaAlone() {
        fixture.givenAPublished(requested(MESSAGE_ID))
                .whenPublishingA(statusChanged("msg-2", DeliveryStatus.DELIVERED, null))
                .expectActiveSagas(1)
                .expectNoDispatchedCommands();
    }

    @Test
    void eachRequestedMessageHasItsOwnSaga() {
        fixture.givenAPublished(requested(MESSAGE_ID))
                .whenPublishingA(requested("msg-2"))
                .expectActiveSagas(2)
                .expectDispatchedCommands(
                        new RecordSmsAccepted("msg-2", PRACTICE_ID, CLIENT_ID, PROVIDER_ID, ACCEPTED_AT));
    }

    private static RecordDeliveryStatus failed(String code, String reason) {
        return new RecordDeliveryStatus(
                MESSAGE_ID, PRACTICE_ID, CLIENT_ID, DeliveryStatus.FAILED, code, reason, null, null);
    }

    private static MessageRequested requested(String messageId) {
        return new MessageRequested(
                messageId,
                PRACTICE_ID,
                CLIENT_ID,
                "Alex Client",
                "+61412345678",
                SENDER,
                Audience.CLIENT,
                null,
                null,
                "Please call the practice.",
                25,
                SmsEncoding.GSM_7,
                1,
                Instant.parse("2026-12-03T10:00:00Z"));
    }

    private static SmsStatusChanged statusChanged(String messageId, DeliveryStatus status, String errorCode) {
        return new SmsStatusChanged(
                messageId,
                PRACTICE_ID,
                CLIENT_ID,
                status,
                errorCode,
                errorCode == null ? null : "reason",
                PROVIDER_ID,
                Instant.parse("2026-12-03T10:00:05Z"));
    }
}
