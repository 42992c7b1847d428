package com.clientsms.command.broadcast;

import static com.clientsms.command.TestStaff.ADMIN;
import static com.clientsms.command.TestStaff.COMPLIANCE;
import static com.clientsms.command.TestStaff.OTHER_PRACTICE;
import static com.clientsms.command.TestStaff.PRACTICE;
import static com.clientsms.command.TestStaff.PRACTITIONER;
import static com.clientsms.command.TestStaff.SUPERUSER;
import static com.clientsms.kernel.rule.RuleViolation.Kind.FORBIDDEN;
import static com.clientsms.kernel.rule.RuleViolation.Kind.NOT_FOUND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clientsms.command.lookup.AudienceMember;
import com.clientsms.command.lookup.FakeDirectoryLookup;
import com.clientsms.kernel.rule.RuleViolation;
import com.clientsms.kernel.sending.BroadcastAccepted;
import com.clientsms.kernel.sending.BroadcastToAll;
import com.clientsms.kernel.sending.SendToGroup;
import com.clientsms.kernel.sending.SkipReason;
import com.clientsms.kernel.sending.SkippedRecipient;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The preview a sender sees before a broadcast: the same targeted count and skipped list the broadcast then records. */
class AudiencePreviewTest {

    private static final AudienceMember ANN = new AudienceMember("c-ann", "Ann", "+61400000001", true, false);
    private static final AudienceMember BEN = new AudienceMember("c-ben", "Ben", "+61400000002", false, false);
    private static final AudienceMember CAT = new AudienceMember("c-cat", "Cat", null, true, false);
    private static final AudienceMember DAN = new AudienceMember("c-dan", "Dan", "+61400000004", true, true);
    /** Inactive and without a number: skipped once, as inactive. */
    private static final AudienceMember FAY = new AudienceMember("c-fay", "Fay", null, false, true);

    private final FakeDirectoryLookup lookup = new FakeDirectoryLookup();
    private final AudiencePreview preview = new AudiencePreview(lookup);
    private final AggregateTestFixture<Broadcast> fixture = new AggregateTestFixture<>(Broadcast.class);

    @BeforeEach
    void setUp() {
        lookup.client(PRACTICE, ANN)
                .client(PRACTICE, BEN)
                .client(PRACTICE, CAT)
                .client(PRACTICE, DAN)
                .client(PRACTICE, FAY)
                .client(OTHER_PRACTICE, new AudienceMember("c-zed", "Zed", "+61400000009", true, false))
                .group("g-1", PRACTICE, "Tuesday group", List.of(ANN, DAN, ANN, FAY))
                .group("g-other", OTHER_PRACTICE, "Elsewhere", List.of());
        fixture.registerAnnotatedCommandHandler(new BroadcastCommandHandler(fixture.getRepository(), lookup));
    }

    @Test
    void previewOfAllClientsNamesWhoIsSkippedAndWhy() {
        AudiencePreview.Preview all = preview.ofAll(ADMIN);

        assertThat(all.targeted()).isEqualTo(1);
        assertThat(all.skipped())
                .containsExactly(
                        new SkippedRecipient("c-ben", "Ben", SkipReason.INACTIVE),
                        new SkippedRecipient("c-cat", "Cat", SkipReason.NO_MOBILE),
                        new SkippedRecipient("c-dan", "Dan", SkipReason.OPTED_OUT),
                        new SkippedRecipient("c-fay", "Fay", SkipReason.INACTIVE));
    }

    @Test
    void previewOfAllIsWhatTheBroadcastThenRecords() {
        AudiencePreview.Preview all = preview.ofAll(ADMIN);

        fixture.givenNoPriorActivity()
                .when(new BroadcastToAll("b-1", ADMIN, "Closed on Monday"))
                .expectResultMessagePayload(new BroadcastAccepted("b-1", all.targeted(), all.skipped()));
    }

    @Test
    void previewOfAGroupCountsEachMemberOnceAsTheSendDoes() {
        AudiencePreview.Preview group = preview.ofGroup(SUPERUSER, "g-1");

        assertThat(group.targeted()).isEqualTo(1);
        assertThat(group.skipped()).extracting(SkippedRecipient::clientId).containsExactly("c-dan", "c-fay");
        fixture.givenNoPriorActivity()
                .when(new SendToGroup("b-2", "g-1", SUPERUSER, "Room 2 today"))
                .expectResultMessagePayload(new BroadcastAccepted("b-2", group.targeted(), group.skipped()));
    }

    @Test
    void practitionersAndComplianceOfficersCannotPreviewABroadcast() {
        assertThatThrownBy(() -> preview.ofAll(PRACTITIONER))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.kind()).isEqualTo(FORBIDDEN));
        assertThatThrownBy(() -> preview.ofGroup(COMPLIANCE, "g-1"))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.kind()).isEqualTo(FORBIDDEN));
    }

    @Test
    void anotherPracticesGroupOrNoGroupIsNotFound() {
        assertThatThrownBy(() -> preview.ofGroup(ADMIN, "g-other"))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.kind()).isEqualTo(NOT_FOUND));
        assertThatThrownBy(() -> preview.ofGroup(ADMIN, null))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.kind()).isEqualTo(NOT_FOUND));
    }
}
