package com.clientsms.command.broadcast;

import com.clientsms.command.lookup.AudienceMember;
import com.clientsms.command.lookup.DirectoryLookup;
import com.clientsms.command.practice.PracticeRules;
import com.clientsms.kernel.rule.RuleViolation;
import com.clientsms.kernel.sending.SkippedRecipient;
import com.clientsms.kernel.staff.StaffRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who a broadcast would text and who it would skip, before anything is sent: the same directory lookup and the same
 * skip rule as the Broadcast itself, so the preview a sender sees is what the send then does (unless the directory
 * changes in between; the broadcast records its audience at request time).
 */
@Component
public class AudiencePreview {

    private final DirectoryLookup lookup;

    AudiencePreview(DirectoryLookup lookup) {
        this.lookup = lookup;
    }

    /** Every active client of the caller's practice. */
    public Preview ofAll(StaffRef caller) {
        requireBroadcaster(caller, "Only administrators and superusers can send to all clients.");
        return preview(lookup.clientsOf(caller.practiceId()));
    }

    /** The members of one of the caller's practice's groups. */
    public Preview ofGroup(StaffRef caller, String groupId) {
        requireBroadcaster(caller, "Only administrators and superusers can send to a group.");
        return Optional.ofNullable(groupId)
                .flatMap(lookup::group)
                .filter(group -> caller.belongsTo(group.practiceId()))
                .map(group -> preview(group.members()))
                .orElseThrow(() -> RuleViolation.notFound("No group " + groupId + " in your practice."));
    }

    private static void requireBroadcaster(StaffRef caller, String refusal) {
        PracticeRules.requireCaller(caller);
        if (!caller.role().mayBroadcast()) {
            throw RuleViolation.forbidden(refusal);
        }
    }

    private static Preview preview(List<AudienceMember> members) {
        Map<String, AudienceMember> unique = new LinkedHashMap<>();
        members.forEach(member -> unique.putIfAbsent(member.clientId(), member));
        int targeted = 0;
        List<SkippedRecipient> skipped = new ArrayList<>();
        for (AudienceMember member : unique.values()) {
            Optional<SkippedRecipient> left = Broadcast.skipReason(member)
                    .map(reason -> new SkippedRecipient(member.clientId(), member.name(), reason));
            if (left.isPresent()) {
                skipped.add(left.get());
            } else {
                targeted++;
            }
        }
        return new Preview(targeted, List.copyOf(skipped));
    }

    /** How many clients would be texted, and who would be left out with the reason. */
    public record Preview(int targeted, List<SkippedRecipient> skipped) {}
}
