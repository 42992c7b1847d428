package com.clientsms.command.staff;

import static com.clientsms.command.TestStaff.ADMIN;
import static com.clientsms.command.TestStaff.OTHER_PRACTICE_ADMIN;
import static com.clientsms.command.TestStaff.PRACTICE;
import static com.clientsms.command.TestStaff.PRACTITIONER;
import static com.clientsms.command.TestStaff.SUPERUSER;
import static com.clientsms.command.Violations.violation;
import static com.clientsms.kernel.rule.RuleViolation.Kind.CONFLICT;
import static com.clientsms.kernel.rule.RuleViolation.Kind.FORBIDDEN;
import static com.clientsms.kernel.rule.RuleViolation.Kind.INVALID;

import com.clientsms.command.lookup.FakeDirectoryLookup;
import com.clientsms.kernel.directory.RegisterStaffMember;
import com.clientsms.kernel.directory.StaffMemberRegistered;
import com.clientsms.kernel.staff.Role;
import com.clientsms.kernel.staff.StaffRef;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StaffMemberTest {

    private final AggregateTestFixture<StaffMember> fixture = new AggregateTestFixture<>(StaffMember.class);

    @BeforeEach
    void setUp() {
        fixture.registerInjectableResource(new FakeDirectoryLookup().username("alice"));
    }

    private StaffMemberRegistered registered(String displayName, Role role, StaffRef by) {
        return new StaffMemberRegistered("s-1", PRACTICE, "robin", displayName, role, by, fixture.currentTime());
    }

    @Test
    void administratorAddsAPractitioner() {
        fixture.givenNoPriorActivity()
                .when(new RegisterStaffMember("s-1", PRACTICE, "robin", "Robin", Role.PRACTITIONER, ADMIN))
                .expectEvents(registered("Robin", Role.PRACTITIONER, ADMIN));
    }

    @Test
    void superuserAddsASuperuser() {
        fixture.givenNoPriorActivity()
                .when(new RegisterStaffMember("s-1", PRACTICE, "robin", "Robin", Role.SUPERUSER, SUPERUSER))
                .expectEvents(registered("Robin", Role.SUPERUSER, SUPERUSER));
    }

    @Test
    void systemAddsTheFirstSuperuser() {
        StaffRef system = StaffRef.system(PRACTICE);
        fixture.givenNoPriorActivity()
                .when(new RegisterStaffMember("s-1", PRACTICE, "robin", null, Role.SUPERUSER, system))
                .expectEvents(registered("robin", Role.SUPERUSER, system));
    }

    @Test
    void administratorCannotCreateASuperuser() {
        fixture.givenNoPriorActivity()
                .when(new RegisterStaffMember("s-1", PRACTICE, "robin", "Robin", Role.SUPERUSER, ADMIN))
                .expectNoEvents()
                .expectException(violation(FORBIDDEN, "An administrator cannot create a superuser."));
    }

    @Test
    void practitionerCannotAddStaff() {
        fixture.givenNoPriorActivity()
                .when(new RegisterStaffMember("s-1", PRACTICE, "robin", "Robin", Role.PRACTITIONER, PRACTITIONER))
                .expectException(violation(FORBIDDEN, "Only administrators and superusers can add staff."));
    }

    @Test
    void staffCannotBeAddedToAnotherPractice() {
        fixture.givenNoPriorActivity()
                .when(new RegisterStaffMember(
                        "s-1", PRACTICE, "robin", "Robin", Role.PRACTITIONER, OTHER_PRACTICE_ADMIN))
                .expectException(violation(FORBIDDEN, "You can only add staff to your own practice."));
    }

    @Test
    void takenUsernameIsAConflict() {
        fixture.givenNoPriorActivity()
                .when(new RegisterStaffMember("s-1", PRACTICE, "alice", "Alice", Role.PRACTITIONER, ADMIN))
                .expectException(violation(CONFLICT, "The username 'alice' is already taken."));
    }

    @Test
    void usernameWithSpacesIsInvalid() {
        fixture.givenNoPriorActivity()
                .when(new RegisterStaffMember("s-1", PRACTICE, "robin hood", "Robin", Role.PRACTITIONER, ADMIN))
                .expectException(violation(INVALID));
    }

    @Test
    void roleIsRequired() {
        fixture.givenNoPriorActivity()
                .when(new RegisterStaffMember("s-1", PRACTICE, "robin", "Robin", null, ADMIN))
                .expectException(violation(
                        INVALID, "A role is required: PRACTITIONER, ADMIN, SUPERUSER or COMPLIANCE_OFFICER."));
    }
}
