package com.clientsms.command.client;

import static com.clientsms.command.TestStaff.ADMIN;
import static com.clientsms.command.TestStaff.COMPLIANCE;
import static com.clientsms.command.TestStaff.OTHER_PRACTICE_ADMIN;
import static com.clientsms.command.TestStaff.OTHER_PRACTITIONER;
import static com.clientsms.command.TestStaff.PRACTICE;
import static com.clientsms.command.TestStaff.PRACTITIONER;
import static com.clientsms.command.TestStaff.SUPERUSER;
import static com.clientsms.command.Violations.violation;
import static com.clientsms.kernel.rule.RuleViolation.Kind.CONFLICT;
import static com.clientsms.kernel.rule.RuleViolation.Kind.FORBIDDEN;
import static com.clientsms.kernel.rule.RuleViolation.Kind.INVALID;
import static com.clientsms.kernel.rule.RuleViolation.Kind.NOT_FOUND;

import com.clientsms.command.lookup.FakeDirectoryLookup;
import com.clientsms.kernel.body.SmsEncoding;
import com.clientsms.kernel.directory.ClientDeactivated;
import com.clientsms.kernel.directory.ClientMobileChanged;
import com.clientsms.kernel.directory.ClientOptedOut;
import com.clientsms.kernel.directory.ClientRegistered;
import com.clientsms.kernel.sending.Audience;
import com.clientsms.kernel.sending.MessageRequested;
import com.clientsms.kernel.sending.SendToClient;
import com.clientsms.kernel.staff.StaffRef;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SendToClientTest {

    private static final String CLIENT = "client-1";
    private static final String MOBILE = "+61412345678";
    private static final String MESSAGE = "message-1";

    private final AggregateTestFixture<Client> fixture = new AggregateTestFixture<>(Client.class);

    @BeforeEach
    void setUp() {
        fixture.registerInjectableResource(new FakeDirectoryLookup());
    }

    private static ClientRegistered registered() {
        return new ClientRegistered(
                CLIENT, PRACTICE, "Jo Client", MOBILE, true, List.of(PRACTITIONER.staffId()), ADMIN, Instant.EPOCH);
    }

    private MessageRequested requested(
            StaffRef sender, String body, int characters, SmsEncoding encoding, int segments) {
        return new MessageRequested(
                MESSAGE,
                PRACTICE,
                CLIENT,
                "Jo Client",
                MOBILE,
                sender,
                Audience.CLIENT,
                null,
                null,
                body,
                characters,
                encoding,
                segments,
                fixture.currentTime());
    }

    private void expectSent(StaffRef sender, String body, int characters, SmsEncoding encoding, int segments) {
        fixture.given(registered())
                .when(new SendToClient(CLIENT, MESSAGE, sender, body))
                .expectSuccessfulHandlerExecution()
                .expectEvents(requested(sender, body, characters, encoding, segments));
    }

    private void expectRefused(StaffRef sender, String body, Matcher<?> violation) {
        fixture.given(registered())
                .when(new SendToClient(CLIENT, MESSAGE, sender, body))
                .expectNoEvents()
                .expectException(violation);
    }

    @Test
    void practitionerMessagesTheirOwnClient() {
        expectSent(PRACTITIONER, "Please call the practice.", 25, SmsEncoding.GSM_7, 1);
    }

    @Test
    void practitionerCannotMessageAnotherPractitionersClient() {
        expectRefused(OTHER_PRACTITIONER, "Hi", violation(FORBIDDEN, "You can only text clients linked to you."));
    }

    @Test
    void complianceOfficerCannotSend() {
        expectRefused(
                COMPLIANCE,
                "Hi",
                violation(FORBIDDEN, "Compliance officers read the message history; they cannot send messages."));
    }

    @Test
    void administratorMessagesAnyClientOfThePractice() {
        expectSent(ADMIN, "Hi", 2, SmsEncoding.GSM_7, 1);
    }

    @Test
    void superuserMessagesAnyClientOfThePractice() {
        expectSent(SUPERUSER, "Hi", 2, SmsEncoding.GSM_7, 1);
    }

    @Test
    void anotherPracticesAdministratorIsToldTheClientDoesNotExist() {
        expectRefused(OTHER_PRACTICE_ADMIN, "Hi", violation(NOT_FOUND, "No client client-1 in your practice."));
    }

    @Test
    void tenantIsCheckedBeforeTheMessage() {
        expectRefused(OTHER_PRACTICE_ADMIN, "", violation(NOT_FOUND, "No client client-1 in your practice."));
    }

    @Test
    void roleIsCheckedBeforeTheMessage() {
        expectRefused(COMPLIANCE, "", violation(FORBIDDEN));
    }

    @Test
    void emptyMessageIsRefused() {
        expectRefused(ADMIN, "", violation(INVALID));
    }

    @Test
    void missingMessageIsRefusedAsInvalid() {
        expectRefused(ADMIN, null, violation(INVALID));
    }

    @Test
    void blankMessageIsRefused() {
        expectRefused(ADMIN, "  \n\t ", violation(INVALID));
    }

    @Test
    void controlCharacterIsRefused() {
        expectRefused(ADMIN, "Hi\u0007", violation(INVALID));
    }

    @Test
    void oneCharacterIsEnough() {
        expectSent(ADMIN, "a", 1, SmsEncoding.GSM_7, 1);
    }

    @Test
    void sixHundredFortyCharactersAreAccepted() {
        expectSent(ADMIN, "a".repeat(640), 640, SmsEncoding.GSM_7, 5);
    }

    @Test
    void sixHundredFortyOneCharactersAreRefused() {
        expectRefused(
                ADMIN, "a".repeat(641), violation(INVALID, "The message has 641 characters; the maximum is 640."));
    }

    @Test
    void sixHundredFortyEmojiCountAsSixHundredFortyCharacters() {
        expectSent(ADMIN, "😀".repeat(640), 640, SmsEncoding.UCS_2, 20);
    }

    @Test
    void sixHundredFortyOneEmojiAreRefused() {
        expectRefused(
                ADMIN, "😀".repeat(641), violation(INVALID, "The message has 641 characters; the maximum is 640."));
    }

    @Test
    void oneHundredSixtyGsmCharactersFitOneSegment() {
        expectSent(ADMIN, "a".repeat(160), 160, SmsEncoding.GSM_7, 1);
    }

    @Test
    void oneHundredSixtyOneGsmCharactersTakeTwoSegments() {
        expectSent(ADMIN, "a".repeat(161), 161, SmsEncoding.GSM_7, 2);
    }

    @Test
    void seventyUcs2CharactersFitOneSegment() {
        expectSent(ADMIN, "ą".repeat(70), 70, SmsEncoding.UCS_2, 1);
    }

    @Test
    void seventyOneUcs2CharactersTakeTwoSegments() {
        expectSent(ADMIN, "ą".repeat(71), 71, SmsEncoding.UCS_2, 2);
    }

    @Test
    void euroSignCostsTwoSeptets() {
        String body = "€" + "a".repeat(159);
        expectSent(ADMIN, body, 160, SmsEncoding.GSM_7, 2);
    }

    @Test
    void euroSignStillFitsWhenTheSeptetsDo() {
        String body = "€" + "a".repeat(158);
        expectSent(ADMIN, body, 159, SmsEncoding.GSM_7, 1);
    }

    @Test
    void inactiveClientCannotBeMessaged() {
        fixture.given(registered(), new ClientDeactivated(CLIENT, PRACTICE, ADMIN, Instant.EPOCH))
                .when(new SendToClient(CLIENT, MESSAGE, ADMIN, "Hi"))
                .expectNoEvents()
                .expectException(
                        violation(CONFLICT, "Jo Client is inactive: reactivate the client before texting them."));
    }

    @Test
    void clientWithoutMobileCannotBeMessaged() {
        fixture.given(registered(), new ClientMobileChanged(CLIENT, PRACTICE, null, ADMIN, Instant.EPOCH))
                .when(new SendToClient(CLIENT, MESSAGE, ADMIN, "Hi"))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "Jo Client has no mobile number: add one before texting them."));
    }

    @Test
    void optedOutClientCannotBeMessaged() {
        fixture.given(registered(), new ClientOptedOut(CLIENT, PRACTICE, "21610", "m-0", Instant.EPOCH))
                .when(new SendToClient(CLIENT, MESSAGE, ADMIN, "Hi"))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "Jo Client opted out of SMS at the carrier (replied STOP)."));
    }

    @Test
    void unknownClientIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new SendToClient(CLIENT, MESSAGE, ADMIN, "Hi"))
                .expectException(AggregateNotFoundException.class);
    }
}
