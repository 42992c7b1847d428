package com.clientsms.command.staff;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.clientsms.command.lookup.DirectoryLookup;
import com.clientsms.command.practice.PracticeRules;
import com.clientsms.kernel.directory.RegisterStaffMember;
import com.clientsms.kernel.directory.StaffMemberRegistered;
import com.clientsms.kernel.rule.RuleViolation;
import com.clientsms.kernel.staff.Role;
import com.clientsms.kernel.staff.StaffRef;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A member of staff: who they are in which practice, and with which role they act. */
@Aggregate
class StaffMember {

    private static final String USERNAME = "[A-Za-z0-9._@-]{1,64}";

    @AggregateIdentifier
    private String staffId;

    StaffMember() {}

    @CommandHandler
    StaffMember(RegisterStaffMember command, DirectoryLookup lookup) {
        StaffRef by = command.registeredBy();
        PracticeRules.requireCaller(by);
        if (!by.belongsTo(command.practiceId())) {
            throw RuleViolation.forbidden("You can only add staff to your own practice.");
        }
        PracticeRules.requireDirectoryManager(by, "add staff");
        if (command.role() == null) {
            throw RuleViolation.invalid("A role is required: PRACTITIONER, ADMIN, SUPERUSER or COMPLIANCE_OFFICER.");
        }
        if (by.role() == Role.ADMIN && command.role() == Role.SUPERUSER) {
            throw RuleViolation.forbidden("An administrator cannot create a superuser.");
        }
        PracticeRules.requireText(command.staffId(), "A staff id is required.");
        String username = command.username() == null ? "" : command.username().strip();
        if (!username.matches(USERNAME)) {
            throw RuleViolation.invalid(
                    "A username is 1 to 64 letters, digits, dots, dashes, underscores or @ signs, without spaces.");
        }
        if (lookup.isUsernameTaken(username)) {
            throw RuleViolation.conflict("The username '" + username + "' is already taken.");
        }
        String displayName =
                command.displayName() == null || command.displayName().isBlank()
                        ? username
                        : command.displayName().strip();
        apply(new StaffMemberRegistered(
                command.staffId(),
                command.practiceId(),
                username,
                displayName,
                command.role(),
                by,
                GenericEventMessage.clock.instant()));
    }

    @EventSourcingHandler
    void on(StaffMemberRegistered event) {
        staffId = event.staffId();
    }
}
