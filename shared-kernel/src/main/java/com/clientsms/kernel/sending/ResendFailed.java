package com.clientsms.kernel.sending;

import com.clientsms.kernel.staff.StaffRef;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An administrator sends a broadcast's body again, as a new broadcast, to the clients whose messages failed. */
public record ResendFailed(
        @TargetAggregateIdentifier String broadcastId, String originalBroadcastId, StaffRef sender) {}
