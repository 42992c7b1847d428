package com.clientsms.command.delivery;

import static com.clientsms.command.Violations.violation;
import static com.clientsms.kernel.rule.RuleViolation.Kind.INVALID;

import com.clientsms.kernel.delivery.DeliveryStatus;
import com.clientsms.kernel.delivery.RecordDeliveryStatus;
import com.clientsms.kernel.delivery.RecordSmsAccepted;
import com.clientsms.kernel.delivery.SmsAccepted;
import com.clientsms.kernel.delivery.SmsStatusChanged;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class SmsDeliveryTest {

    private static final String MESSAGE = "m-1";
    private static final Instant AT = Instant.parse("2026-01-05T10:00:00Z");

    private final AggregateTestFixture<SmsDelivery> fixture = new AggregateTestFixture<>(SmsDelivery.class);

    private static SmsAccepted accepted() {
        return new SmsAccepted(MESSAGE, "p1", "c1", "SM1", AT);
    }

    private static SmsStatusChanged changed(DeliveryStatus status) {
        return new SmsStatusChanged(MESSAGE, "p1", "c1", status, null, null, "SM1", AT);
    }

    private static RecordDeliveryStatus report(DeliveryStatus status) {
        return new RecordDeliveryStatus(MESSAGE, null, null, status, null, null, "SM1", AT);
    }

    @Test
    void acceptanceIsRecorded() {
        fixture.givenNoPriorActivity()
                .when(new RecordSmsAccepted(MESSAGE, "p1", "c1", "SM1", AT))
                .expectEvents(accepted());
    }

    @Test
    void repeatedAcceptanceChangesNothing() {
        fixture.given(accepted())
                .when(new RecordSmsAccepted(MESSAGE, "p1", "c1", "SM1", AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void statusMovesForwardWithThePracticeAndClientItKnows() {
        fixture.given(accepted()).when(report(DeliveryStatus.SENT)).expectEvents(changed(DeliveryStatus.SENT));
    }

    @Test
    void callbackBeforeAcceptanceIsRecorded() {
        fixture.givenNoPriorActivity()
                .when(new RecordDeliveryStatus(MESSAGE, null, null, DeliveryStatus.DELIVERED, null, null, "SM1", AT))
                .expectEvents(
                        new SmsStatusChanged(MESSAGE, null, null, DeliveryStatus.DELIVERED, null, null, "SM1", AT));
    }

    @Test
    void refusalBeforeAnyAcceptanceKeepsThePracticeAndClientTheSagaKnows() {
        fixture.givenNoPriorActivity()
                .when(new RecordDeliveryStatus(
                        MESSAGE, "p1", "c1", DeliveryStatus.FAILED, "21211", "Invalid number", null, AT))
                .expectEvents(new SmsStatusChanged(
                        MESSAGE, "p1", "c1", DeliveryStatus.FAILED, "21211", "Invalid number", null, AT));
    }

    @Test
    void lateSentAfterDeliveredChangesNothing() {
        fixture.given(accepted(), changed(DeliveryStatus.DELIVERED))
                .when(report(DeliveryStatus.SENT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void repeatedDeliveredChangesNothing() {
        fixture.given(accepted(), changed(DeliveryStatus.SENT), changed(DeliveryStatus.DELIVERED))
                .when(report(DeliveryStatus.DELIVERED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void failedIsFinal() {
        fixture.given(accepted(), changed(DeliveryStatus.FAILED))
                .when(report(DeliveryStatus.DELIVERED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void lateAcceptanceAfterDeliveryIsStillRecordedForTheAudit() {
        fixture.given(changed(DeliveryStatus.DELIVERED))
                .when(new RecordSmsAccepted(MESSAGE, "p1", "c1", "SM1", AT))
                .expectEvents(accepted());
    }

    @Test
    void lateAcceptanceLeavesTheFinalStatusFinal() {
        fixture.given(changed(DeliveryStatus.DELIVERED), accepted())
                .when(report(DeliveryStatus.SENT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void lateAcceptanceIsRecordedOnlyOnce() {
        fixture.given(changed(DeliveryStatus.FAILED), accepted())
                .when(new RecordSmsAccepted(MESSAGE, "p1", "c1", "SM1", AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void failureKeepsTheCarrierCodeAndReason() {
        fixture.given(accepted(), changed(DeliveryStatus.SENT))
                .when(new RecordDeliveryStatus(
                        MESSAGE,
                        null,
                        null,
                        DeliveryStatus.UNDELIVERED,
                        "30003",
                        "Unreachable destination handset",
                        "SM1",
                        AT))
                .expectEvents(new SmsStatusChanged(
                        MESSAGE,
                        "p1",
                        "c1",
                        DeliveryStatus.UNDELIVERED,
                        "30003",
                        "Unreachable destination handset",
                        "SM1",
                        AT));
    }

    @Test
    void reportWithoutStatusIsInvalid() {
        fixture.given(accepted())
                .when(report(null))
                .expectNoEvents()
                .expectException(violation(INVALID, "A delivery status is required."));
    }
}
