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
import com.clientsms.saga.gateway.OutboundSms;
import com.clientsms.saga.gateway.SendOutcome;
import java.time.Instant;
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

    private SagaTestFixture<SmsDeliverySaga> fixture;
    private ScriptedSmsGateway gateway;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(SmsDeliverySaga.class);
        gateway = new ScriptedSmsGateway(new SendOutcome.Accepted(PROVIDER_ID, ACCEPTED_AT));
        fixture.registerResource(gateway);
        // The saga stamps a refusal with the moment it learnt of it; the other fields are compared exactly.
        fixture.registerIgnoredField(RecordDeliveryStatus.class, "occurredAt");
    }

    @Test
    void requestedMessageIsHandedToTheGatewayForItsRecipient() {
        fixture.givenNoPriorActivity().whenPublishingA(requested(MESSAGE_ID));

        assertThat(gateway.sent())
                .containsExactly(
                        new OutboundSms(MESSAGE_ID, PRACTICE_ID, "+61412345678", "Please call the practice.", 1));
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
                .expectNoScheduledDeadlines();
    }

    @Test
    void rejectedMessageIsRecordedAsFailedWithTheCarriersCodeAndReason() {
        gateway.answerWith(new SendOutcome.Rejected("21211", "The number is not a valid phone number."));

        fixture.givenNoPriorActivity()
                .whenPublishingA(requested(MESSAGE_ID))
                .expectDispatchedCommands(new RecordDeliveryStatus(
                        MESSAGE_ID,
                        PRACTICE_ID,
                        CLIENT_ID,
                        DeliveryStatus.FAILED,
                        "21211",
                        "The number is not a valid phone number.",
                        null,
                        null));
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
    void rejectedMessageEndsTheSaga() {
        gateway.answerWith(new SendOutcome.Rejected("21614", "The number is not a mobile number."));

        fixture.givenNoPriorActivity()
                .whenPublishingA(requested(MESSAGE_ID))
                .expectActiveSagas(0)
                .expectNoAssociationWith("messageId", MESSAGE_ID);
    }

    @Test
    void rejectionWithoutAReasonGetsTheReadableReasonOfItsCode() {
        gateway.answerWith(new SendOutcome.Rejected("30007", null));

        fixture.givenNoPriorActivity()
                .whenPublishingA(requested(MESSAGE_ID))
                .expectDispatchedCommands(new RecordDeliveryStatus(
                        MESSAGE_ID,
                        PRACTICE_ID,
                        CLIENT_ID,
                        DeliveryStatus.FAILED,
                        "30007",
                        "The carrier filtered the message as spam.",
                        null,
                        null));
    }

    @Test
    void rejectionBecauseTheClientOptedOutAlsoRecordsTheOptOut() {
        gateway.answerWith(new SendOutcome.Rejected("21610", "The client has opted out."));

        fixture.givenNoPriorActivity()
                .whenPublishingA(requested(MESSAGE_ID))
                .expectDispatchedCommands(
                        new RecordDeliveryStatus(
                                MESSAGE_ID,
                                PRACTICE_ID,
                                CLIENT_ID,
                                DeliveryStatus.FAILED,
                                "21610",
                                "The client has opted out.",
                                null,
                                null),
                        new RecordClientOptOut(CLIENT_ID, "21610", MESSAGE_ID))
                .expectActiveSagas(0);
    }

    @Test
    void transientFailureIsRecordedAsFailedWithItsReasonUntilRetriesExist() {
        gateway.answerWith(new SendOutcome.TransientFailure("20429", "Too many requests."));

        fixture.givenNoPriorActivity()
                .whenPublishingA(requested(MESSAGE_ID))
                .expectDispatchedCommands(new RecordDeliveryStatus(
                        MESSAGE_ID,
                        PRACTICE_ID,
                        CLIENT_ID,
                        DeliveryStatus.FAILED,
                        "20429",
                        "Too many requests.",
                        null,
                        null))
                .expectActiveSagas(0);
    }

    @Test
    void transientFailureIsNotRetried() {
        gateway.answerWith(new SendOutcome.TransientFailure("503", "Service unavailable."));

        fixture.givenNoPriorActivity().whenPublishingA(requested(MESSAGE_ID)).expectNoScheduledDeadlines();
        assertThat(gateway.sent()).hasSize(1);
    }

    @Test
    void gatewayThatThrowsIsRecordedAsAFailureInsteadOfFailingTheEvent() {
        gateway.failWith(new IllegalStateException("adapter bug"));

        fixture.givenNoPriorActivity()
                .whenPublishingA(requested(MESSAGE_ID))
                .expectSuccessfulHandlerExecution()
                .expectDispatchedCommands(new RecordDeliveryStatus(
                        MESSAGE_ID,
                        PRACTICE_ID,
                        CLIENT_ID,
                        DeliveryStatus.FAILED,
                        "gateway-error",
                        "The SMS gateway failed unexpectedly.",
                        null,
                        null))
                .expectActiveSagas(0);
    }

    @Test
    void deliveredStatusEndsTheSaga() {
        fixture.givenAPublished(requested(MESSAGE_ID))
                .whenPublishingA(statusChanged(MESSAGE_ID, DeliveryStatus.DELIVERED, null))
                .expectActiveSagas(0)
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
                .expectNoDispatchedCommands();
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
