package com.clientsms.command.broadcast;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.clientsms.command.lookup.AudienceMember;
import com.clientsms.kernel.body.MessageBody;
import com.clientsms.kernel.rule.RuleViolation;
import com.clientsms.kernel.sending.Audience;
import com.clientsms.kernel.sending.BroadcastAccepted;
import com.clientsms.kernel.sending.BroadcastRecipient;
import com.clientsms.kernel.sending.BroadcastRequested;
import com.clientsms.kernel.sending.BroadcastResendRequested;
import com.clientsms.kernel.sending.SkipReason;
import com.clientsms.kernel.sending.SkippedRecipient;
import com.clientsms.kernel.staff.StaffRef;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One message to many clients. The audience is fixed when the broadcast is requested: one event names the clients it
 * targets, each once, and everyone left out with the reason. Their messages are requested afterwards, in parts
 * ({@link BroadcastFanOut}, {@link BroadcastPart}), so accepting a broadcast costs one event however large the
 * practice. The state stays the same size whatever the number of recipients.
 */
@Aggregate
class Broadcast {

    @AggregateIdentifier
    private String broadcastId;

    private int targeted;
    private List<SkippedRecipient> skipped;

    Broadcast() {}

    Broadcast(
            String broadcastId,
            StaffRef sender,
            Audience audience,
            String groupId,
            String groupName,
            String text,
            List<AudienceMember> members) {
        this(broadcastId, null, sender, audience, groupId, groupName, text, members);
    }

    /** With {@code resendOf}, the broadcast resends an earlier one's failures and says so first. */
    Broadcast(
            String broadcastId,
            String resendOf,
            StaffRef sender,
            Audience audience,
            String groupId,
            String groupName,
            String text,
            List<AudienceMember> members) {
        if (!sender.role().mayBroadcast()) {
            throw RuleViolation.forbidden(
                    audience == Audience.ALL
                            ? "Only administrators and superusers can send to all clients."
                            : "Only administrators and superusers can send to a group.");
        }
        MessageBody body = new MessageBody(text);
        Map<String, AudienceMember> unique = new LinkedHashMap<>();
        members.forEach(member -> unique.putIfAbsent(member.clientId(), member));
        List<AudienceMember> recipients = new ArrayList<>();
        List<SkippedRecipient> left = new ArrayList<>();
        for (AudienceMember member : unique.values()) {
            skipReason(member)
                    .ifPresentOrElse(
                            reason -> left.add(new SkippedRecipient(member.clientId(), member.name(), reason)),
                            () -> recipients.add(member));
        }
        Instant now = GenericEventMessage.clock.instant();
        if (resendOf != null) {
            apply(new BroadcastResendRequested(broadcastId, sender.practiceId(), resendOf, sender, now));
        }
        apply(new BroadcastRequested(
                broadcastId,
                sender.practiceId(),
                sender,
                audience,
                groupId,
                groupName,
                body.text(),
                body.characters(),
                body.encoding(),
                body.segments(),
                recipients.size(),
                left,
                recipients.stream()
                        .map(member -> new BroadcastRecipient(member.clientId(), member.name(), member.mobile()))
                        .toList(),
                now));
    }

    /** Derived from the broadcast and the client, so a retried or replayed request names the same messages. */
    static String messageId(String broadcastId, String clientId) {
        return UUID.nameUUIDFromBytes((broadcastId + ":" + clientId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** Why a member is left out, if they are; the audience preview asks the same question. */
    static Optional<SkipReason> skipReason(AudienceMember member) {
        if (!member.active()) {
            return Optional.of(SkipReason.INACTIVE);
        }
        if (member.mobile() == null) {
            return Optional.of(SkipReason.NO_MOBILE);
        }
        return member.optedOut() ? Optional.of(SkipReason.OPTED_OUT) : Optional.empty();
    }

    BroadcastAccepted accepted() {
        return new BroadcastAccepted(broadcastId, targeted, skipped);
    }

    @EventSourcingHandler
    void on(BroadcastRequested event) {
        broadcastId = event.broadcastId();
        targeted = event.targeted();
        skipped = List.copyOf(event.skipped());
    }

    @EventSourcingHandler
    void on(BroadcastResendRequested event) {
        broadcastId = event.broadcastId();
    }
}
