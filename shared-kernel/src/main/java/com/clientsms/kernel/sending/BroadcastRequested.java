package com.clientsms.kernel.sending;

import com.clientsms.kernel.body.SmsEncoding;
import com.clientsms.kernel.staff.StaffRef;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A broadcast was accepted. The per-recipient MessageRequested events follow in the same commit; skipped clients are listed here with their reason. */
@Revision("1")
public record BroadcastRequested(
        String broadcastId,
        String practiceId,
        StaffRef sender,
        Audience audience,
        String groupId,
        String groupName,
        String body,
        int characters,
        SmsEncoding encoding,
        int segments,
        int targeted,
        List<SkippedRecipient> skipped,
        Instant requestedAt) {}
