package com.clientsms.kernel.query;

import com.clientsms.kernel.staff.Role;
import java.time.Instant;
import java.util.List;

/** One message as the compliance audit log shows it: who sent what to whom, when, and what the carrier did with it. */
public record AuditEntry(
        String messageId,
        Instant requestedAt,
        String senderUsername,
        String senderName,
        Role senderRole,
        String audience,
        String broadcastId,
        String groupId,
        String clientId,
        String clientName,
        String to,
        String body,
        int characters,
        String encoding,
        int segments,
        String status,
        String errorCode,
        String reason,
        List<TimelineEntry> timeline) {}
