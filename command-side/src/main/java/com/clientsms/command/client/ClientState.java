package com.clientsms.command.client;

import com.clientsms.kernel.body.MessageBody;
import com.clientsms.kernel.phone.PhoneNumber;
import com.clientsms.kernel.rule.RuleViolation;
import com.clientsms.kernel.sending.Audience;
import com.clientsms.kernel.sending.MessageRequested;
import com.clientsms.kernel.sending.SendToClient;
import com.clientsms.kernel.staff.StaffRef;
import java.time.Instant;
import java.util.Set;

/**
 * What the Client aggregate knows about a client, and the rules of texting one: who may, what, and whether the
 * client can receive it. Only the aggregate's event sourcing handlers create new states.
 */
record ClientState(String name, String mobile, boolean active, boolean optedOut, Set<String> practitionerIds) {

    /** A blank number means the client has no mobile; anything else must be a valid mobile number. */
    static String normaliseMobile(String raw) {
        return raw == null || raw.isBlank()
                ? null
                : PhoneNumber.parseMobile(raw).e164();
    }

    /** Checks in the order a sender would expect to hear about them: role, text, then the client's state. */
    MessageRequested requestMessage(String clientId, String practiceId, SendToClient command, Instant now) {
        StaffRef sender = command.sender();
        if (!sender.role().maySend()) {
            throw RuleViolation.forbidden("Compliance officers read the message history; they cannot send messages.");
        }
        if (!sender.role().mayMessageAnyClient() && !practitionerIds.contains(sender.staffId())) {
            throw RuleViolation.forbidden("You can only text clients linked to you.");
        }
        MessageBody body = new MessageBody(command.body());
        if (command.messageId() == null || command.messageId().isBlank()) {
            throw RuleViolation.invalid("A message id is required.");
        }
        if (!active) {
            throw RuleViolation.conflict(name + " is inactive: reactivate the client before texting them.");
        }
        if (mobile == null) {
            throw RuleViolation.conflict(name + " has no mobile number: add one before texting them.");
        }
        if (optedOut) {
            throw RuleViolation.conflict(name + " opted out of SMS at the carrier (replied STOP).");
        }
        return new MessageRequested(
                command.messageId(),
                practiceId,
                clientId,
                name,
                mobile,
                sender,
                Audience.CLIENT,
                null,
                null,
                body.text(),
                body.characters(),
                body.encoding(),
                body.segments(),
                now);
    }

    ClientState withMobile(String newMobile) {
        return new ClientState(name, newMobile, active, optedOut, practitionerIds);
    }

    ClientState withActive(boolean newActive) {
        return new ClientState(name, mobile, newActive, optedOut, practitionerIds);
    }

    ClientState withOptedOut(boolean newOptedOut) {
        return new ClientState(name, mobile, active, newOptedOut, practitionerIds);
    }
}
