package com.clientsms.kernel.sending;

import com.clientsms.kernel.staff.StaffRef;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An administrator texts every active client of the practice. */
public record BroadcastToAll(@TargetAggregateIdentifier String broadcastId, StaffRef sender, String body) {}
