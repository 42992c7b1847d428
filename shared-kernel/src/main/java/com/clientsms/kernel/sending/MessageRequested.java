package com.clientsms.kernel.sending;

import com.clientsms.kernel.body.SmsEncoding;
import com.clientsms.kernel.staff.StaffRef;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** One SMS to one client was requested. Carries everything an auditor needs without further look-ups. */
@Revision("1")
public record MessageRequested(
        String messageId,
        String practiceId,
        String clientId,
        String clientName,
        String to,
        StaffRef sender,
        Audience audience,
        String broadcastId,
        String groupId,
        String body,
        int characters,
        SmsEncoding encoding,
        int segments,
        Instant requestedAt) {}
