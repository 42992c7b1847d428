package com.clientsms.kernel.query;

import com.clientsms.kernel.staff.Role;
import java.time.Instant;
import java.util.List;

/** A message as the client history shows it, with its current status and timeline. */
public record MessageView(
        String messageId,
        String clientId,
        String clientName,
        String body,
        String sender,
        String senderName,
        Role senderRole,
        String audience,
        String broadcastId,
        Instant requestedAt,
        String status,
        String reason,
        String errorCode,
        int characters,
        String encoding,
        int segments,
        List<TimelineEntry> timeline) {}
