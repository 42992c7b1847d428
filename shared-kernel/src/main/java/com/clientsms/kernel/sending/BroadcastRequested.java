package com.clientsms.kernel.sending;

import com.clientsms.kernel.body.SmsEncoding;
import com.clientsms.kernel.staff.StaffRef;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A broadcast was accepted, with its audience fixed: the clients it targets ({@code recipients}, each once, with the
 * name and number they had at that moment) and those it skipped, with the reason. The per-recipient
 * {@link MessageRequested} events follow in parts ({@link BroadcastPartRequested}), appended by the broadcast fan-out
 * after this event is stored.
 *
 * <p>Revision 1 had no {@code recipients}: its MessageRequested events were appended with it, in the same commit, and
 * it reads back with an empty list, so nothing fans it out again.
 */
@Revision("2")
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
        List<BroadcastRecipient> recipients,
        Instant requestedAt) {

    public BroadcastRequested {
        skipped = skipped == null ? List.of() : skipped;
        recipients = recipients == null ? List.of() : recipients;
    }
}
