package com.clientsms.command.broadcast;

import static com.clientsms.command.TestStaff.ADMIN;
import static com.clientsms.command.TestStaff.COMPLIANCE;
import static com.clientsms.command.TestStaff.OTHER_PRACTICE;
import static com.clientsms.command.TestStaff.OTHER_PRACTICE_ADMIN;
import static com.clientsms.command.TestStaff.PRACTICE;
import static com.clientsms.command.TestStaff.PRACTITIONER;
import static com.clientsms.command.TestStaff.SUPERUSER;
import static com.clientsms.command.Violations.violation;
import static com.clientsms.kernel.rule.RuleViolation.Kind.FORBIDDEN;
import static com.clientsms.kernel.rule.RuleViolation.Kind.INVALID;
import static com.clientsms.kernel.rule.RuleViolation.Kind.NOT_FOUND;
import static org.assertj.core.api.Assertions.assertThat;

import com.clientsms.command.lookup.AudienceMember;
import com.clientsms.command.lookup.FakeDirectoryLookup;
import com.clientsms.kernel.body.SmsEncoding;
import com.clientsms.kernel.sending.Audience;
import com.clientsms.kernel.sending.BroadcastAccepted;
import com.clientsms.kernel.sending.BroadcastRecipient;
import com.clientsms.kernel.sending.BroadcastRequested;
import com.clientsms.kernel.sending.BroadcastToAll;
import com.clientsms.kernel.sending.SendToGroup;
import com.clientsms.kernel.sending.SkipReason;
import com.clientsms.kernel.sending.SkippedRecipient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BroadcastTest {

    private static final String BROADCAST = "b-1";
    private static final AudienceMember ANN = new AudienceMember("c-ann", "Ann", "+61400000001", true, false);
    private static final AudienceMember BEN = new AudienceMember("c-ben", "Ben", "+61400000002", false, false);
    private static final AudienceMember CAT = new AudienceMember("c-cat", "Cat", null, true, false);
    private static final AudienceMember DAN = new AudienceMember("c-dan", "Dan", "+61400000004", true, true);
    private static final AudienceMember EVE = new AudienceMember("c-eve", "Eve", "+61400000005", true, false);

    private final AggregateTestFixture<Broadcast> fixture = new AggregateTestFixture<>(Broadcast.class);
    private final FakeDirectoryLookup lookup = new FakeDirectoryLookup();

    @BeforeEach
    void setUp() {
        lookup.client(PRACTICE, ANN)
                .client(PRACTICE, BEN)
                .client(PRACTICE, CAT)
                .client(PRACTICE, DAN)
                .client(PRACTICE, EVE)
                .client(OTHER_PRACTICE, new AudienceMember("c-zed", "Zed", "+61400000009", true, false))
                .group("g-1", PRACTICE, "Tuesday group", List.of(ANN, DAN, ANN))
                .group("g-empty", PRACTICE, "Nobody reachable", List.of(BEN, CAT))
                .group("g-other", OTHER_PRACTICE, "Elsewhere", List.of());
        fixture.registerAnnotatedCommandHandler(new BroadcastCommandHandler(fixture.getRepository(), lookup));
    }

    private static BroadcastRecipient recipient(AudienceMember member) {
        return new BroadcastRecipient(member.clientId(), member.name(), member.mobile());
    }

    @Test
    void administratorBroadcastsToEveryReachableClientAndRecordsWhoWasSkipped() {
        List<SkippedRecipient> skipped = List.of(
                new SkippedRecipient("c-ben", "Ben", SkipReason.INACTIVE),
                new SkippedRecipient("c-cat", "Cat", SkipReason.NO_MOBILE),
                new SkippedRecipient("c-dan", "Dan", SkipReason.OPTED_OUT));
        fixture.givenNoPriorActivity()
                .when(new BroadcastToAll(BROADCAST, ADMIN, "Closed on Monday"))
                .expectEvents(new BroadcastRequested(
                        BROADCAST,
                        PRACTICE,
                        ADMIN,
                        Audience.ALL,
                        null,
                        null,
                        "Closed on Monday",
                        16,
                        SmsEncoding.GSM_7,
                        1,
                        2,
                        skipped,
                        List.of(recipient(ANN), recipient(EVE)),
                        fixture.currentTime()))
                .expectResultMessagePayload(new BroadcastAccepted(BROADCAST, 2, skipped));
    }

    @Test
    void superuserSendsToAGroupAndEachClientOnce() {
        List<SkippedRecipient> skipped = List.of(new SkippedRecipient("c-dan", "Dan", SkipReason.OPTED_OUT));
        fixture.givenNoPriorActivity()
                .when(new SendToGroup(BROADCAST, "g-1", SUPERUSER, "Closed on Monday"))
                .expectEvents(new BroadcastRequested(
                        BROADCAST,
                        PRACTICE,
                        SUPERUSER,
                        Audience.GROUP,
                        "g-1",
                        "Tuesday group",
                        "Closed on Monday",
                        16,
                        SmsEncoding.GSM_7,
                        1,
                        1,
                        skipped,
                        List.of(recipient(ANN)),
                        fixture.currentTime()))
                .expectResultMessagePayload(new BroadcastAccepted(BROADCAST, 1, skipped));
    }

    @Test
    void broadcastMessageIdsAreDerivedFromBroadcastAndClient() {
        assertThat(Broadcast.messageId(BROADCAST, "c-ann"))
                .isEqualTo(Broadcast.messageId(BROADCAST, "c-ann"))
                .isEqualTo(UUID.nameUUIDFromBytes("b-1:c-ann".getBytes(StandardCharsets.UTF_8))
                        .toString())
                .isNotEqualTo(Broadcast.messageId(BROADCAST, "c-eve"))
                .isNotEqualTo(Broadcast.messageId("b-2", "c-ann"));
    }

    @Test
    void groupWithNobodyReachableIsAcceptedAndEveryoneSkippedWithAReason() {
        List<SkippedRecipient> skipped = List.of(
                new SkippedRecipient("c-ben", "Ben", SkipReason.INACTIVE),
                new SkippedRecipient("c-cat", "Cat", SkipReason.NO_MOBILE));
        fixture.givenNoPriorActivity()
                .when(new SendToGroup(BROADCAST, "g-empty", ADMIN, "Closed on Monday"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new BroadcastAccepted(BROADCAST, 0, skipped));
    }

    @Test
    void practitionerCannotBroadcast() {
        fixture.givenNoPriorActivity()
                .when(new BroadcastToAll(BROADCAST, PRACTITIONER, "Closed on Monday"))
                .expectNoEvents()
                .expectException(violation(FORBIDDEN, "Only administrators and superusers can send to all clients."));
    }

    @Test
    void complianceOfficerCannotBroadcast() {
        fixture.givenNoPriorActivity()
                .when(new BroadcastToAll(BROADCAST, COMPLIANCE, "Closed on Monday"))
                .expectNoEvents()
                .expectException(violation(FORBIDDEN, "Only administrators and superusers can send to all clients."));
    }

    @Test
    void practitionerCannotSendToAGroup() {
        fixture.givenNoPriorActivity()
                .when(new SendToGroup(BROADCAST, "g-1", PRACTITIONER, "Closed on Monday"))
                .expectNoEvents()
                .expectException(violation(FORBIDDEN, "Only administrators and superusers can send to a group."));
    }

    @Test
    void unknownGroupIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new SendToGroup(BROADCAST, "g-nope", ADMIN, "Closed on Monday"))
                .expectNoEvents()
                .expectException(violation(NOT_FOUND, "No group g-nope in your practice."));
    }

    @Test
    void anotherPracticesGroupIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new SendToGroup(BROADCAST, "g-other", ADMIN, "Closed on Monday"))
                .expectNoEvents()
                .expectException(violation(NOT_FOUND, "No group g-other in your practice."));
    }

    @Test
    void broadcastOnlyReachesTheSendersPractice() {
        fixture.givenNoPriorActivity()
                .when(new BroadcastToAll(BROADCAST, OTHER_PRACTICE_ADMIN, "Closed on Monday"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new BroadcastAccepted(BROADCAST, 1, List.of()));
    }

    @Test
    void blankBroadcastIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new BroadcastToAll(BROADCAST, ADMIN, "   "))
                .expectNoEvents()
                .expectException(violation(INVALID));
    }

    @Test
    void oversizedBroadcastIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new BroadcastToAll(BROADCAST, ADMIN, "x".repeat(641)))
                .expectNoEvents()
                .expectException(violation(INVALID, "The message has 641 characters; the maximum is 640."));
    }
}
