package com.clientsms.kernel.query;

import com.clientsms.kernel.staff.Role;
import java.time.Instant;
import java.util.List;

/** How one broadcast went: what was asked, who was left out and why, where each message is, and what failed. */
public record BroadcastOutcome(
        String broadcastId,
        String resendOf,
        String sender,
        String senderName,
        Role senderRole,
        Instant requestedAt,
        String body,
        int characters,
        String encoding,
        int segments,
        String audience,
        String groupId,
        String groupName,
        int targeted,
        List<SkippedClient> skipped,
        StatusCounts counts,
        List<BroadcastFailure> failures) {}
