package com.clientsms.kernel.sending;

import com.clientsms.kernel.staff.StaffRef;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A broadcast resends the failures of an earlier one. It precedes that broadcast's BroadcastRequested in the same
 * commit and links the two.
 */
@Revision("1")
public record BroadcastResendRequested(
        String broadcastId, String practiceId, String originalBroadcastId, StaffRef sender, Instant requestedAt) {}
