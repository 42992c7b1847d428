package com.clientsms.app.demo;

import com.clientsms.command.staff.StaffAccounts;
import com.clientsms.command.staff.StaffOnboarding;
import com.clientsms.kernel.directory.CreateGroup;
import com.clientsms.kernel.directory.RegisterClient;
import com.clientsms.kernel.directory.RegisterPractice;
import com.clientsms.kernel.staff.Role;
import com.clientsms.kernel.staff.StaffRef;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads two demo practices on the first start of an empty store: "Harbour Psychology" (48 clients, some inactive,
 * some without a mobile number, three groups, two practitioners) and "Valley Allied Health" (a few clients and its
 * own administrator), so isolation between practices can be tried at once. Every user's password is "demo". The
 * data goes in through the same commands staff use, so it is ordinary, auditable history.
 */
@Component
@ConditionalOnProperty(name = "clientsms.demo-data", havingValue = "true", matchIfMissing = true)
class DemoPractices implements ApplicationRunner {

    static final String HARBOUR = "practice-harbour";
    static final String VALLEY = "practice-valley";
    private static final String PASSWORD = "demo";

    private static final Logger log = LoggerFactory.getLogger(DemoPractices.class);

    private static final String[] FIRST = {
        "Olivia", "Noah", "Charlotte", "Jack", "Amelia", "William", "Isla", "Oliver", "Mia", "Leo", "Ava", "Henry",
        "Grace", "Lucas", "Chloe", "Thomas", "Zoe", "James", "Ruby", "Harrison", "Sophie", "Ethan", "Matilda", "Liam"
    };
    private static final String[] LAST = {
        "Nguyen", "Smith", "Wilson", "Brown", "Taylor", "Kelly", "Martin", "Walker", "Harris", "Singh", "Chen", "Lee"
    };
    private static final int HARBOUR_CLIENTS = 48;

    private final CommandGateway commands;
    private final StaffOnboarding onboarding;
    private final StaffAccounts accounts;
    private final TransactionTemplate transaction;

    DemoPractices(
            CommandGateway commands,
            StaffOnboarding onboarding,
            StaffAccounts accounts,
            PlatformTransactionManager transactions) {
        this.commands = commands;
        this.onboarding = onboarding;
        this.accounts = accounts;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.findByUsername("admin").isPresent()) {
            return;
        }
        log.info("Empty store: loading the demo practices (users admin, superuser, practitioner1, practitioner2, "
                + "compliance, admin2; password 'demo')");
        // One transaction: a process killed half-way leaves no half-loaded demo behind, so the next start loads it
        // whole.
        transaction.executeWithoutResult(status -> {
            loadHarbour();
            loadValley();
        });
    }

    private void loadHarbour() {
        StaffRef system = StaffRef.system(HARBOUR);
        commands.sendAndWait(new RegisterPractice(HARBOUR, "Harbour Psychology"));
        staff(HARBOUR, "admin", "Alex Admin", Role.ADMIN, system);
        staff(HARBOUR, "superuser", "Sam Superuser", Role.SUPERUSER, system);
        staff(HARBOUR, "practitioner1", "Dr Priya Patel", Role.PRACTITIONER, system);
        staff(HARBOUR, "practitioner2", "Dr Tom O'Brien", Role.PRACTITIONER, system);
        staff(HARBOUR, "compliance", "Casey Compliance", Role.COMPLIANCE_OFFICER, system);
        for (int i = 1; i <= HARBOUR_CLIENTS; i++) {
            commands.sendAndWait(new RegisterClient(
                    harbourClient(i), HARBOUR, name(i), mobileOf(i), i % 12 != 7, practitionersOf(i), system));
        }
        commands.sendAndWait(
                new CreateGroup("harbour-group-anxiety", HARBOUR, "Tuesday anxiety group", clients(1, 8), system));
        commands.sendAndWait(
                new CreateGroup("harbour-group-mindfulness", HARBOUR, "Mindfulness program", clients(17, 26), system));
        commands.sendAndWait(
                new CreateGroup("harbour-group-parents", HARBOUR, "Parents support circle", clients(33, 40), system));
    }

    private void loadValley() {
        StaffRef system = StaffRef.system(VALLEY);
        commands.sendAndWait(new RegisterPractice(VALLEY, "Valley Allied Health"));
        staff(VALLEY, "admin2", "Val Admin", Role.ADMIN, system);
        staff(VALLEY, "valley-practitioner", "Dr Kim Lau", Role.PRACTITIONER, system);
        for (int i = 1; i <= 5; i++) {
            commands.sendAndWait(new RegisterClient(
                    "valley-client-%02d".formatted(i),
                    VALLEY,
                    name(i + 30),
                    "0491 578 %03d".formatted(i),
                    true,
                    List.of("valley-practitioner"),
                    system));
        }
        commands.sendAndWait(new CreateGroup(
                "valley-group-hydro",
                VALLEY,
                "Hydrotherapy class",
                List.of("valley-client-01", "valley-client-02"),
                system));
    }

    private void staff(String practice, String username, String name, Role role, StaffRef by) {
        onboarding.register(username, practice, username, name, role, PASSWORD, by);
    }

    static String harbourClient(int i) {
        return "harbour-client-%02d".formatted(i);
    }

    private static String name(int i) {
        // Clients i and i + 24 share a first name, so their last names must differ: 5 * 24 + 1 is not a multiple of 12.
        return FIRST[(i - 1) % FIRST.length] + " " + LAST[(i * 5 + (i - 1) / FIRST.length) % LAST.length];
    }

    /** Numbers from the range Australia reserves for fiction (0491 57x xxx); every twelfth client has none. */
    private static String mobileOf(int i) {
        return i % 12 == 0 ? null : "0491 57%d %03d".formatted(i % 10, i);
    }

    /** Odd clients see practitioner1, even ones practitioner2, and every fifth both. */
    private static List<String> practitionersOf(int i) {
        List<String> linked = new ArrayList<>();
        if (i % 2 == 1 || i % 5 == 0) {
            linked.add("practitioner1");
        }
        if (i % 2 == 0 || i % 5 == 0) {
            linked.add("practitioner2");
        }
        return linked;
    }

    private static List<String> clients(int from, int to) {
        return IntStream.rangeClosed(from, to)
                .mapToObj(DemoPractices::harbourClient)
                .toList();
    }
}
