package com.clientsms.command.group;

import static com.clientsms.command.TestStaff.ADMIN;
import static com.clientsms.command.TestStaff.OTHER_PRACTICE;
import static com.clientsms.command.TestStaff.OTHER_PRACTICE_ADMIN;
import static com.clientsms.command.TestStaff.PRACTICE;
import static com.clientsms.command.TestStaff.PRACTITIONER;
import static com.clientsms.command.TestStaff.SUPERUSER;
import static com.clientsms.command.Violations.violation;
import static com.clientsms.kernel.rule.RuleViolation.Kind.FORBIDDEN;
import static com.clientsms.kernel.rule.RuleViolation.Kind.INVALID;
import static com.clientsms.kernel.rule.RuleViolation.Kind.NOT_FOUND;

import com.clientsms.command.lookup.AudienceMember;
import com.clientsms.command.lookup.FakeDirectoryLookup;
import com.clientsms.kernel.directory.AddGroupMember;
import com.clientsms.kernel.directory.CreateGroup;
import com.clientsms.kernel.directory.GroupCreated;
import com.clientsms.kernel.directory.GroupMemberAdded;
import com.clientsms.kernel.directory.GroupMemberRemoved;
import com.clientsms.kernel.directory.RemoveGroupMember;
import com.clientsms.kernel.staff.StaffRef;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClientGroupTest {

    private final AggregateTestFixture<ClientGroup> fixture = new AggregateTestFixture<>(ClientGroup.class);

    @BeforeEach
    void setUp() {
        fixture.registerInjectableResource(new FakeDirectoryLookup()
                .client(PRACTICE, member("c1"))
                .client(PRACTICE, member("c2"))
                .client(PRACTICE, member("c3"))
                .client(OTHER_PRACTICE, member("elsewhere")));
    }

    private static AudienceMember member(String id) {
        return new AudienceMember(id, "Client " + id, "+61412345678", true, false);
    }

    private static GroupCreated created() {
        return new GroupCreated("g1", PRACTICE, "Tuesday group", List.of("c1", "c2"), ADMIN, Instant.EPOCH);
    }

    @Test
    void administratorCreatesGroupWithoutDuplicateMembers() {
        fixture.givenNoPriorActivity()
                .when(new CreateGroup("g1", PRACTICE, "Tuesday group", List.of("c1", "c2", "c1"), ADMIN))
                .expectEvents(new GroupCreated(
                        "g1", PRACTICE, "Tuesday group", List.of("c1", "c2"), ADMIN, fixture.currentTime()));
    }

    @Test
    void systemCreatesGroups() {
        StaffRef system = StaffRef.system(PRACTICE);
        fixture.givenNoPriorActivity()
                .when(new CreateGroup("g1", PRACTICE, "Tuesday group", List.of(), system))
                .expectEvents(
                        new GroupCreated("g1", PRACTICE, "Tuesday group", List.of(), system, fixture.currentTime()));
    }

    @Test
    void practitionerCannotCreateGroups() {
        fixture.givenNoPriorActivity()
                .when(new CreateGroup("g1", PRACTICE, "Tuesday group", List.of("c1"), PRACTITIONER))
                .expectNoEvents()
                .expectException(violation(FORBIDDEN, "Only administrators and superusers can create groups."));
    }

    @Test
    void groupNeedsAName() {
        fixture.givenNoPriorActivity()
                .when(new CreateGroup("g1", PRACTICE, "  ", List.of("c1"), ADMIN))
                .expectException(violation(INVALID, "The group's name is required."));
    }

    @Test
    void anotherPracticesClientCannotBeAMember() {
        fixture.givenNoPriorActivity()
                .when(new CreateGroup("g1", PRACTICE, "Tuesday group", List.of("c1", "elsewhere"), ADMIN))
                .expectNoEvents()
                .expectException(violation(NOT_FOUND, "No client elsewhere in your practice."));
    }

    @Test
    void unknownClientCannotBeAMember() {
        fixture.givenNoPriorActivity()
                .when(new CreateGroup("g1", PRACTICE, "Tuesday group", List.of("nobody"), ADMIN))
                .expectException(violation(NOT_FOUND, "No client nobody in your practice."));
    }

    @Test
    void administratorAddsAMember() {
        fixture.given(created())
                .when(new AddGroupMember("g1", "c3", SUPERUSER))
                .expectEvents(new GroupMemberAdded("g1", PRACTICE, "c3", SUPERUSER, fixture.currentTime()));
    }

    @Test
    void addingAnExistingMemberChangesNothing() {
        fixture.given(created())
                .when(new AddGroupMember("g1", "c1", ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void addingAnotherPracticesClientIsRefused() {
        fixture.given(created())
                .when(new AddGroupMember("g1", "elsewhere", ADMIN))
                .expectException(violation(NOT_FOUND, "No client elsewhere in your practice."));
    }

    @Test
    void anotherPracticeCannotChangeTheGroup() {
        fixture.given(created())
                .when(new AddGroupMember("g1", "elsewhere", OTHER_PRACTICE_ADMIN))
                .expectNoEvents()
                .expectException(violation(NOT_FOUND, "No group g1 in your practice."));
    }

    @Test
    void practitionerCannotChangeMembers() {
        fixture.given(created())
                .when(new RemoveGroupMember("g1", "c1", PRACTITIONER))
                .expectException(
                        violation(FORBIDDEN, "Only administrators and superusers can remove clients from groups."));
    }

    @Test
    void administratorRemovesAMember() {
        fixture.given(created())
                .when(new RemoveGroupMember("g1", "c2", ADMIN))
                .expectEvents(new GroupMemberRemoved("g1", PRACTICE, "c2", ADMIN, fixture.currentTime()));
    }

    @Test
    void removingANonMemberChangesNothing() {
        fixture.given(created())
                .when(new RemoveGroupMember("g1", "c3", ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
