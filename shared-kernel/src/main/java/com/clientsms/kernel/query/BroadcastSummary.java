package com.clientsms.kernel.query;

import com.clientsms.kernel.staff.Role;
import java.time.Instant;

/** A broadcast as the list of broadcasts shows it. */
public record BroadcastSummary(
        String broadcastId,
        String resendOf,
        String sender,
        String senderName,
        Role senderRole,
        Instant requestedAt,
        String body,
        String audience,
        String groupId,
        String groupName,
        int targeted,
        int skipped,
        StatusCounts counts) {}
