package com.clientsms.command.broadcast;

import com.clientsms.kernel.body.SmsEncoding;
import com.clientsms.kernel.sending.Audience;
import com.clientsms.kernel.sending.BroadcastPartRequested;
import com.clientsms.kernel.sending.BroadcastRecipient;
import com.clientsms.kernel.sending.BroadcastRequested;
import com.clientsms.kernel.sending.MessageRequested;
import com.clientsms.kernel.staff.Role;
import com.clientsms.kernel.staff.StaffRef;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class BroadcastPartTest {

    private static final String PRACTICE = "p-1";
    private static final StaffRef ADMIN = new StaffRef("s-admin", "admin", "Ada Admin", Role.ADMIN, PRACTICE);
    private static final Instant AT = Instant.parse("2026-12-04T09:00:00Z");
    private static final List<BroadcastRecipient> RECIPIENTS = List.of(
            new BroadcastRecipient("c-ann", "Ann", "+61400000001"),
            new BroadcastRecipient("c-ben", "Ben", "+61400000002"),
            new BroadcastRecipient("c-eve", "Eve", "+61400000005"));
    private static final BroadcastRequested BROADCAST = new BroadcastRequested(
            "b-1",
            PRACTICE,
            ADMIN,
            Audience.GROUP,
            "g-1",
            "Tuesday group",
            "Closed on Monday",
            16,
            SmsEncoding.GSM_7,
            1,
            3,
            List.of(),
            RECIPIENTS,
            AT);

    private final AggregateTestFixture<BroadcastPart> fixture = new AggregateTestFixture<>(BroadcastPart.class);

    private static MessageRequested requested(BroadcastRecipient to) {
        return new MessageRequested(
                Broadcast.messageId("b-1", to.clientId()),
                PRACTICE,
                to.clientId(),
                to.name(),
                to.mobile(),
                ADMIN,
                Audience.GROUP,
                "b-1",
                "g-1",
                "Closed on Monday",
                16,
                SmsEncoding.GSM_7,
                1,
                AT);
    }

    @Test
    void partRequestsTheMessagesOfItsRecipientsOnly() {
        fixture.givenNoPriorActivity()
                .when(new RequestBroadcastPart("b-1#1", BROADCAST, 1, 2, 1))
                .expectEvents(
                        new BroadcastPartRequested("b-1#1", "b-1", PRACTICE, 1, 2, 1, AT),
                        requested(RECIPIENTS.get(2)));
    }

    @Test
    void partOfSeveralRecipientsRequestsEachOnceInOrder() {
        fixture.givenNoPriorActivity()
                .when(new RequestBroadcastPart("b-1#0", BROADCAST, 0, 0, 2))
                .expectEvents(
                        new BroadcastPartRequested("b-1#0", "b-1", PRACTICE, 0, 0, 2, AT),
                        requested(RECIPIENTS.get(0)),
                        requested(RECIPIENTS.get(1)));
    }

    @Test
    void partRequestedAgainChangesNothing() {
        fixture.given(
                        new BroadcastPartRequested("b-1#0", "b-1", PRACTICE, 0, 0, 2, AT),
                        requested(RECIPIENTS.get(0)),
                        requested(RECIPIENTS.get(1)))
                .when(new RequestBroadcastPart("b-1#0", BROADCAST, 0, 0, 2))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
