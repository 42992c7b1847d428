package com.clientsms.command.client;

import static com.clientsms.command.practice.PracticeRules.requireDirectoryManager;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.clientsms.command.lookup.DirectoryLookup;
import com.clientsms.command.practice.PracticeRules;
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
import com.clientsms.kernel.rule.RuleViolation;
import com.clientsms.kernel.sending.SendToClient;
import com.clientsms.kernel.staff.StaffRef;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A client of a practice: the tenant, the mobile number, whether they may be texted, and by which practitioners. */
@Aggregate
class Client {

    @AggregateIdentifier
    private String clientId;

    private String practiceId;
    private ClientState state;

    Client() {}

    @CommandHandler
    Client(RegisterClient command, DirectoryLookup lookup) {
        StaffRef by = command.registeredBy();
        PracticeRules.requireCaller(by);
        if (!by.belongsTo(command.practiceId())) {
            throw RuleViolation.forbidden("You can only add clients to your own practice.");
        }
        requireDirectoryManager(by, "add clients");
        PracticeRules.requireText(command.clientId(), "A client id is required.");
        PracticeRules.requireText(command.name(), "The client's name is required.");
        List<String> practitioners = command.practitionerIds() == null
                ? List.of()
                : command.practitionerIds().stream().distinct().toList();
        practitioners.forEach(id -> requirePractitioner(lookup, command.practiceId(), id));
        apply(new ClientRegistered(
                command.clientId(),
                command.practiceId(),
                command.name().strip(),
                ClientState.normaliseMobile(command.mobile()),
                command.active(),
                practitioners,
                by,
                now()));
    }

    @CommandHandler
    void handle(ChangeClientMobile command) {
        requireManager(command.changedBy(), "change mobile numbers");
        String mobile = ClientState.normaliseMobile(command.mobile());
        if (!Objects.equals(mobile, state.mobile())) {
            apply(new ClientMobileChanged(clientId, practiceId, mobile, command.changedBy(), now()));
        }
    }

    @CommandHandler
    void handle(DeactivateClient command) {
        requireManager(command.changedBy(), "deactivate clients");
        if (state.active()) {
            apply(new ClientDeactivated(clientId, practiceId, command.changedBy(), now()));
        }
    }

    @CommandHandler
    void handle(ReactivateClient command) {
        requireManager(command.changedBy(), "reactivate clients");
        if (!state.active()) {
            apply(new ClientReactivated(clientId, practiceId, command.changedBy(), now()));
        }
    }

    @CommandHandler
    void handle(LinkPractitioner command, DirectoryLookup lookup) {
        requireManager(command.changedBy(), "link practitioners to clients");
        requirePractitioner(lookup, practiceId, command.practitionerId());
        if (!state.practitionerIds().contains(command.practitionerId())) {
            apply(new PractitionerLinked(clientId, practiceId, command.practitionerId(), command.changedBy(), now()));
        }
    }

    @CommandHandler
    void handle(UnlinkPractitioner command) {
        requireManager(command.changedBy(), "unlink practitioners from clients");
        if (state.practitionerIds().contains(command.practitionerId())) {
            apply(new PractitionerUnlinked(clientId, practiceId, command.practitionerId(), command.changedBy(), now()));
        }
    }

    /** The carrier's word, not a person's: no StaffRef, no role check. */
    @CommandHandler
    void handle(RecordClientOptOut command) {
        if (!state.optedOut()) {
            apply(new ClientOptedOut(clientId, practiceId, command.errorCode(), command.messageId(), now()));
        }
    }

    @CommandHandler
    void handle(RecordClientOptIn command) {
        requireManager(command.changedBy(), "record that a client opted back in");
        if (state.optedOut()) {
            apply(new ClientOptedIn(clientId, practiceId, command.changedBy(), now()));
        }
    }

    @CommandHandler
    void handle(SendToClient command) {
        PracticeRules.requireSamePractice(command.sender(), practiceId, notFound());
        apply(state.requestMessage(clientId, practiceId, command, now()));
    }

    @EventSourcingHandler
    void on(ClientRegistered event) {
        clientId = event.clientId();
        practiceId = event.practiceId();
        state = new ClientState(
                event.name(), event.mobile(), event.active(), false, new HashSet<>(event.practitionerIds()));
    }

    @EventSourcingHandler
    void on(ClientMobileChanged event) {
        state = state.withMobile(event.mobile());
    }

    @EventSourcingHandler
    void on(ClientDeactivated event) {
        state = state.withActive(false);
    }

    @EventSourcingHandler
    void on(ClientReactivated event) {
        state = state.withActive(true);
    }

    @EventSourcingHandler
    void on(PractitionerLinked event) {
        state.practitionerIds().add(event.practitionerId());
    }

    @EventSourcingHandler
    void on(PractitionerUnlinked event) {
        state.practitionerIds().remove(event.practitionerId());
    }

    @EventSourcingHandler
    void on(ClientOptedOut event) {
        state = state.withOptedOut(true);
    }

    @EventSourcingHandler
    void on(ClientOptedIn event) {
        state = state.withOptedOut(false);
    }

    private void requireManager(StaffRef caller, String action) {
        PracticeRules.requireSamePractice(caller, practiceId, notFound());
        requireDirectoryManager(caller, action);
    }

    private String notFound() {
        return "No client " + clientId + " in your practice.";
    }

    private static void requirePractitioner(DirectoryLookup lookup, String practiceId, String practitionerId) {
        if (practitionerId == null || !lookup.isPractitionerOf(practiceId, practitionerId)) {
            throw RuleViolation.notFound("No practitioner " + practitionerId + " in your practice.");
        }
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }
}
