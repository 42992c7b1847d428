package com.clientsms.command.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.clientsms.command.staff.StaffAccount;
import com.clientsms.command.staff.StaffAccounts;
import com.clientsms.command.staff.StaffOnboarding;
import com.clientsms.kernel.directory.CreateGroup;
import com.clientsms.kernel.directory.DeactivateClient;
import com.clientsms.kernel.directory.RecordClientOptOut;
import com.clientsms.kernel.directory.RegisterClient;
import com.clientsms.kernel.rule.RuleViolation;
import com.clientsms.kernel.sending.BroadcastAccepted;
import com.clientsms.kernel.sending.BroadcastToAll;
import com.clientsms.kernel.sending.SendToClient;
import com.clientsms.kernel.sending.SendToGroup;
import com.clientsms.kernel.sending.SkipReason;
import com.clientsms.kernel.sending.SkippedRecipient;
import com.clientsms.kernel.staff.Role;
import com.clientsms.kernel.staff.StaffRef;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The lookup tables through the real wiring: commands, events, the subscribing processor and PostgreSQL. */
@SpringBootTest(
        properties = {
            "axon.axonserver.enabled=false",
            "axon.serializer.general=jackson",
            "axon.serializer.events=jackson",
            "axon.serializer.messages=jackson",
            "spring.autoconfigure.exclude=org.axonframework.springboot.autoconfig.UpdateCheckerAutoConfiguration"
        })
class DirectoryLookupIntegrationTest {

    @Autowired
    CommandGateway commands;

    @Autowired
    DirectoryLookup lookup;

    @Autowired
    StaffOnboarding onboarding;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    JdbcTemplate jdbc;

    private String practice;
    private StaffRef system;
    private String tag;

    @BeforeEach
    void newPractice() {
        tag = UUID.randomUUID().toString().substring(0, 8);
        practice = "practice-" + tag;
        system = StaffRef.system(practice);
    }

    private String client(String name, String mobile, List<String> practitioners) {
        String id = "client-" + UUID.randomUUID();
        commands.sendAndWait(new RegisterClient(id, practice, name, mobile, true, practitioners, system));
        return id;
    }

    @Test
    void onboardedStaffCanSignInWithTheirPassword() {
        String id = onboarding.register(null, practice, "pat-" + tag, "Pat", Role.PRACTITIONER, "secret-words", system);

        StaffAccount account = accounts.findByUsername("pat-" + tag).orElseThrow();
        assertThat(account.staff()).isEqualTo(new StaffRef(id, "pat-" + tag, "Pat", Role.PRACTITIONER, practice));
        assertThat(passwords.matches("secret-words", account.passwordHash())).isTrue();
        assertThat(lookup.isPractitionerOf(practice, id)).isTrue();
        assertThat(lookup.isPractitionerOf("another-practice", id)).isFalse();
    }

    @Test
    void takenUsernameIsRefusedAndTheFirstAccountKeepsItsPassword() {
        onboarding.register(null, practice, "sam-" + tag, "Sam", Role.ADMIN, "first-pass", system);

        assertThatThrownBy(() ->
                        onboarding.register(null, practice, "sam-" + tag, "Sam 2", Role.ADMIN, "second-pass", system))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.kind()).isEqualTo(RuleViolation.Kind.CONFLICT));
        assertThat(passwords.matches(
                        "first-pass",
                        accounts.findByUsername("sam-" + tag).orElseThrow().passwordHash()))
                .isTrue();
    }

    @Test
    void shortPasswordIsRefusedAndNoAccountIsCreated() {
        assertThatThrownBy(() -> onboarding.register(null, practice, "kim-" + tag, "Kim", Role.ADMIN, "abc", system))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.kind()).isEqualTo(RuleViolation.Kind.INVALID));
        assertThat(lookup.isUsernameTaken("kim-" + tag)).isFalse();
        assertThat(accounts.findByUsername("kim-" + tag)).isEmpty();
    }

    @Test
    void broadcastTargetsReachableClientsOfThePracticeInNameOrderAndSkipsTheRest() {
        String zoe = client("Zoe", "0412 000 001", List.of());
        String amy = client("Amy", "0412 000 002", List.of());
        String ben = client("Ben", "0412 000 003", List.of());
        String cat = client("Cat", null, List.of());
        String dan = client("Dan", "0412 000 004", List.of());
        commands.sendAndWait(new DeactivateClient(ben, system));
        commands.sendAndWait(new RecordClientOptOut(dan, "21610", "m-0"));

        assertThat(lookup.clientsOf(practice))
                .extracting(AudienceMember::name)
                .containsExactly("Amy", "Ben", "Cat", "Dan", "Zoe");
        BroadcastAccepted accepted = commands.sendAndWait(new BroadcastToAll("b-" + tag, system, "Closed on Monday"));

        assertThat(accepted.targeted()).isEqualTo(2);
        assertThat(accepted.skipped())
                .containsExactly(
                        new SkippedRecipient(ben, "Ben", SkipReason.INACTIVE),
                        new SkippedRecipient(cat, "Cat", SkipReason.NO_MOBILE),
                        new SkippedRecipient(dan, "Dan", SkipReason.OPTED_OUT));
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
                        Integer.class,
                        "b-" + tag))
                .as("accepting the broadcast appends one event")
                .isEqualTo(1);
        // The fan-out then requests the two messages, in one part (the part's event and one per message).
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForList(
                        "SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = ?"
                                + " ORDER BY sequencenumber",
                        String.class,
                        "b-" + tag + "#0"))
                .containsExactly(
                        "com.clientsms.kernel.sending.BroadcastPartRequested",
                        "com.clientsms.kernel.sending.MessageRequested",
                        "com.clientsms.kernel.sending.MessageRequested"));
        assertThat(List.of(zoe, amy)).allMatch(id -> lookup.isClientOf(practice, id));
    }

    @Test
    void groupSendReachesItsMembersOnly() {
        String amy = client("Amy", "0412 000 002", List.of());
        String ben = client("Ben", "0412 000 003", List.of());
        client("Not in group", "0412 000 005", List.of());
        commands.sendAndWait(new CreateGroup("g-" + tag, practice, "Tuesday", List.of(amy, ben, amy), system));

        GroupAudience group = lookup.group("g-" + tag).orElseThrow();
        assertThat(group.members()).extracting(AudienceMember::clientId).containsExactly(amy, ben);
        BroadcastAccepted accepted =
                commands.sendAndWait(new SendToGroup("b-" + tag, "g-" + tag, system, "See you Tuesday"));
        assertThat(accepted.targeted()).isEqualTo(2);
        assertThat(accepted.skipped()).isEmpty();
    }

    @Test
    void refusedCommandLeavesTheLookupUntouched() {
        String id = "client-" + UUID.randomUUID();
        assertThatThrownBy(() -> commands.sendAndWait(
                        new RegisterClient(id, practice, "Amy", "0412 000 002", true, List.of("nobody"), system)))
                .isInstanceOf(RuleViolation.class);
        assertThat(lookup.isClientOf(practice, id)).isFalse();
    }

    @Test
    void linkedPractitionerTextsTheirClient() {
        String pat = onboarding.register(null, practice, "pat-" + tag, "Pat", Role.PRACTITIONER, "secret", system);
        String amy = client("Amy", "0412 000 002", List.of(pat));
        StaffRef patRef = accounts.findByUsername("pat-" + tag).orElseThrow().staff();

        commands.sendAndWait(new SendToClient(amy, "m-" + tag, patRef, "Please call the practice"));

        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", Integer.class, amy))
                .isEqualTo(2);
    }
}
