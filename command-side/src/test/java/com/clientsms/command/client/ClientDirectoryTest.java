package com.clientsms.command.client;

import static com.clientsms.command.TestStaff.ADMIN;
import static com.clientsms.command.TestStaff.OTHER_PRACTICE;
import static com.clientsms.command.TestStaff.OTHER_PRACTICE_ADMIN;
import static com.clientsms.command.TestStaff.OTHER_PRACTITIONER;
import static com.clientsms.command.TestStaff.PRACTICE;
import static com.clientsms.command.TestStaff.PRACTITIONER;
import static com.clientsms.command.TestStaff.SUPERUSER;
import static com.clientsms.command.Violations.violation;
import static com.clientsms.kernel.rule.RuleViolation.Kind.FORBIDDEN;
import static com.clientsms.kernel.rule.RuleViolation.Kind.INVALID;
import static com.clientsms.kernel.rule.RuleViolation.Kind.NOT_FOUND;

import com.clientsms.command.lookup.FakeDirectoryLookup;
import com.clientsms.kernel.directory.ChangeClientMobile;
import com.clientsms.kernel.directory.ClientDeactivated;
import com.clientsms.kernel.directory.ClientMobileChanged;
import com.clientsms.kernel.directory.ClientOptedIn;
import com.clientsms.kernel.directory.ClientOptedOut;
import com.clientsms.kernel.directory.ClientReactivated;
import com.clientsms.kernel.directory.ClientRegistered;
import com.clientsms.kernel.directory.DeactivateClient;
import com.clientsms.kernel.directory.LinkPractitioner;
import com.clientsms.kernel.directory.PractitionerLinked;
import com.clientsms.kernel.directory.PractitionerUnlinked;
import com.clientsms.kernel.directory.ReactivateClient;
import com.clientsms.kernel.directory.RecordClientOptIn;
import com.clientsms.kernel.directory.RecordClientOptOut;
import com.clientsms.kernel.directory.RegisterClient;
import com.clientsms.kernel.directory.UnlinkPractitioner;
import com.clientsms.kernel.sending.SendToClient;
import com.clientsms.kernel.staff.StaffRef;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClientDirectoryTest {

    private static final String CLIENT = "client-1";
    private static final String MOBILE = "+61412345678";
    private static final String NOT_IN_PRACTICE = "No client client-1 in your practice.";

    private final AggregateTestFixture<Client> fixture = new AggregateTestFixture<>(Client.class);

    @BeforeEach
    void setUp() {
        fixture.registerInjectableResource(new FakeDirectoryLookup()
                .practitioner(PRACTICE, PRACTITIONER.staffId())
                .practitioner(PRACTICE, OTHER_PRACTITIONER.staffId())
                .practitioner(OTHER_PRACTICE, "prac-elsewhere"));
    }

    private static ClientRegistered registered() {
        return new ClientRegistered(
                CLIENT, PRACTICE, "Jo Client", MOBILE, true, List.of(PRACTITIONER.staffId()), ADMIN, Instant.EPOCH);
    }

    private ClientRegistered registeredNow(String mobile, List<String> practitioners, StaffRef by) {
        return new ClientRegistered(
                CLIENT, PRACTICE, "Jo Client", mobile, true, practitioners, by, fixture.currentTime());
    }

    @Test
    void administratorRegistersClientWithNormalisedMobile() {
        fixture.givenNoPriorActivity()
                .when(new RegisterClient(
                        CLIENT, PRACTICE, " Jo Client ", "0412 345 678", true, List.of(PRACTITIONER.staffId()), ADMIN))
                .expectEvents(registeredNow(MOBILE, List.of(PRACTITIONER.staffId()), ADMIN));
    }

    @Test
    void clientMayBeRegisteredWithoutMobile() {
        fixture.givenNoPriorActivity()
                .when(new RegisterClient(CLIENT, PRACTICE, "Jo Client", "  ", true, null, SUPERUSER))
                .expectEvents(registeredNow(null, List.of(), SUPERUSER));
    }

    @Test
    void systemRegistersClients() {
        StaffRef system = StaffRef.system(PRACTICE);
        fixture.givenNoPriorActivity()
                .when(new RegisterClient(CLIENT, PRACTICE, "Jo Client", MOBILE, true, List.of(), system))
                .expectEvents(registeredNow(MOBILE, List.of(), system));
    }

    @Test
    void duplicatePractitionersAreLinkedOnce() {
        fixture.givenNoPriorActivity()
                .when(new RegisterClient(
                        CLIENT,
                        PRACTICE,
                        "Jo Client",
                        MOBILE,
                        true,
                        List.of(PRACTITIONER.staffId(), PRACTITIONER.staffId()),
                        ADMIN))
                .expectEvents(registeredNow(MOBILE, List.of(PRACTITIONER.staffId()), ADMIN));
    }

    @Test
    void practitionerCannotRegisterClients() {
        fixture.givenNoPriorActivity()
                .when(new RegisterClient(CLIENT, PRACTICE, "Jo Client", MOBILE, true, List.of(), PRACTITIONER))
                .expectNoEvents()
                .expectException(violation(FORBIDDEN, "Only administrators and superusers can add clients."));
    }

    @Test
    void clientCannotBeRegisteredInAnotherPractice() {
        fixture.givenNoPriorActivity()
                .when(new RegisterClient(CLIENT, PRACTICE, "Jo Client", MOBILE, true, List.of(), OTHER_PRACTICE_ADMIN))
                .expectException(violation(FORBIDDEN, "You can only add clients to your own practice."));
    }

    @Test
    void landlineIsNotAMobile() {
        fixture.givenNoPriorActivity()
                .when(new RegisterClient(CLIENT, PRACTICE, "Jo Client", "02 9374 4000", true, List.of(), ADMIN))
                .expectException(violation(INVALID));
    }

    @Test
    void nameIsRequired() {
        fixture.givenNoPriorActivity()
                .when(new RegisterClient(CLIENT, PRACTICE, " ", MOBILE, true, List.of(), ADMIN))
                .expectException(violation(INVALID, "The client's name is required."));
    }

    @Test
    void linkedPractitionerMustBeAPractitionerOfThePractice() {
        fixture.givenNoPriorActivity()
                .when(new RegisterClient(CLIENT, PRACTICE, "Jo Client", MOBILE, true, List.of("prac-elsewhere"), ADMIN))
                .expectException(violation(NOT_FOUND, "No practitioner prac-elsewhere in your practice."));
    }

    @Test
    void mobileChangeIsNormalised() {
        fixture.given(registered())
                .when(new ChangeClientMobile(CLIENT, "+61 400 000 001", ADMIN))
                .expectEvents(new ClientMobileChanged(CLIENT, PRACTICE, "+61400000001", ADMIN, fixture.currentTime()));
    }

    @Test
    void sameMobileChangesNothing() {
        fixture.given(registered())
                .when(new ChangeClientMobile(CLIENT, "0412 345 678", ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void practitionerCannotChangeMobile() {
        fixture.given(registered())
                .when(new ChangeClientMobile(CLIENT, "0400 000 001", PRACTITIONER))
                .expectException(violation(FORBIDDEN, "Only administrators and superusers can change mobile numbers."));
    }

    @Test
    void anotherPracticeCannotTouchTheClient() {
        fixture.given(registered())
                .when(new DeactivateClient(CLIENT, OTHER_PRACTICE_ADMIN))
                .expectNoEvents()
                .expectException(violation(NOT_FOUND, NOT_IN_PRACTICE));
    }

    @Test
    void administratorDeactivatesClient() {
        fixture.given(registered())
                .when(new DeactivateClient(CLIENT, ADMIN))
                .expectEvents(new ClientDeactivated(CLIENT, PRACTICE, ADMIN, fixture.currentTime()));
    }

    @Test
    void deactivatingAnInactiveClientChangesNothing() {
        fixture.given(registered(), new ClientDeactivated(CLIENT, PRACTICE, ADMIN, Instant.EPOCH))
                .when(new DeactivateClient(CLIENT, ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void administratorReactivatesClient() {
        fixture.given(registered(), new ClientDeactivated(CLIENT, PRACTICE, ADMIN, Instant.EPOCH))
                .when(new ReactivateClient(CLIENT, SUPERUSER))
                .expectEvents(new ClientReactivated(CLIENT, PRACTICE, SUPERUSER, fixture.currentTime()));
    }

    @Test
    void reactivatingAnActiveClientChangesNothing() {
        fixture.given(registered())
                .when(new ReactivateClient(CLIENT, ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void practitionerCannotDeactivateClient() {
        fixture.given(registered())
                .when(new DeactivateClient(CLIENT, PRACTITIONER))
                .expectException(violation(FORBIDDEN, "Only administrators and superusers can deactivate clients."));
    }

    @Test
    void administratorLinksAPractitioner() {
        fixture.given(registered())
                .when(new LinkPractitioner(CLIENT, OTHER_PRACTITIONER.staffId(), ADMIN))
                .expectEvents(new PractitionerLinked(
                        CLIENT, PRACTICE, OTHER_PRACTITIONER.staffId(), ADMIN, fixture.currentTime()));
    }

    @Test
    void linkingAnAlreadyLinkedPractitionerChangesNothing() {
        fixture.given(registered())
                .when(new LinkPractitioner(CLIENT, PRACTITIONER.staffId(), ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void practitionerOfAnotherPracticeCannotBeLinked() {
        fixture.given(registered())
                .when(new LinkPractitioner(CLIENT, "prac-elsewhere", ADMIN))
                .expectException(violation(NOT_FOUND, "No practitioner prac-elsewhere in your practice."));
    }

    @Test
    void administratorUnlinksAPractitioner() {
        fixture.given(registered())
                .when(new UnlinkPractitioner(CLIENT, PRACTITIONER.staffId(), ADMIN))
                .expectEvents(new PractitionerUnlinked(
                        CLIENT, PRACTICE, PRACTITIONER.staffId(), ADMIN, fixture.currentTime()));
    }

    @Test
    void unlinkingAPractitionerWhoIsNotLinkedChangesNothing() {
        fixture.given(registered())
                .when(new UnlinkPractitioner(CLIENT, OTHER_PRACTITIONER.staffId(), ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void unlinkedPractitionerCanNoLongerTextTheClient() {
        fixture.given(
                        registered(),
                        new PractitionerUnlinked(CLIENT, PRACTICE, PRACTITIONER.staffId(), ADMIN, Instant.EPOCH))
                .when(new SendToClient(CLIENT, "m-1", PRACTITIONER, "Hi"))
                .expectException(violation(FORBIDDEN, "You can only text clients linked to you."));
    }

    @Test
    void carrierOptOutIsRecorded() {
        fixture.given(registered())
                .when(new RecordClientOptOut(CLIENT, "21610", "m-1"))
                .expectEvents(new ClientOptedOut(CLIENT, PRACTICE, "21610", "m-1", fixture.currentTime()));
    }

    @Test
    void repeatedOptOutChangesNothing() {
        fixture.given(registered(), new ClientOptedOut(CLIENT, PRACTICE, "21610", "m-1", Instant.EPOCH))
                .when(new RecordClientOptOut(CLIENT, "21610", "m-2"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void administratorRecordsOptIn() {
        fixture.given(registered(), new ClientOptedOut(CLIENT, PRACTICE, "21610", "m-1", Instant.EPOCH))
                .when(new RecordClientOptIn(CLIENT, ADMIN))
                .expectEvents(new ClientOptedIn(CLIENT, PRACTICE, ADMIN, fixture.currentTime()));
    }

    @Test
    void optInOfAClientWhoNeverOptedOutChangesNothing() {
        fixture.given(registered())
                .when(new RecordClientOptIn(CLIENT, ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void practitionerCannotRecordOptIn() {
        fixture.given(registered(), new ClientOptedOut(CLIENT, PRACTICE, "21610", "m-1", Instant.EPOCH))
                .when(new RecordClientOptIn(CLIENT, PRACTITIONER))
                .expectNoEvents()
                .expectException(violation(
                        FORBIDDEN, "Only administrators and superusers can record that a client opted back in."));
    }

    @Test
    void anotherPracticeCannotRecordOptIn() {
        fixture.given(registered(), new ClientOptedOut(CLIENT, PRACTICE, "21610", "m-1", Instant.EPOCH))
                .when(new RecordClientOptIn(CLIENT, OTHER_PRACTICE_ADMIN))
                .expectException(violation(NOT_FOUND, NOT_IN_PRACTICE));
    }

    @Test
    void optedInClientCanBeTextedAgain() {
        fixture.given(
                        registered(),
                        new ClientOptedOut(CLIENT, PRACTICE, "21610", "m-1", Instant.EPOCH),
                        new ClientOptedIn(CLIENT, PRACTICE, ADMIN, Instant.EPOCH))
                .when(new SendToClient(CLIENT, "m-2", ADMIN, "Hi"))
                .expectSuccessfulHandlerExecution();
    }
}
