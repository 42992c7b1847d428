package com.clientsms.kernel.sending;

import com.clientsms.kernel.staff.StaffRef;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An administrator texts every member of a group. */
public record SendToGroup(
        @TargetAggregateIdentifier String broadcastId, String groupId, StaffRef sender, String body) {}
