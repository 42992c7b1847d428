package com.clientsms.kernel.directory;

import com.clientsms.kernel.staff.StaffRef;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Removes a client from a group. */
public record RemoveGroupMember(@TargetAggregateIdentifier String groupId, String clientId, StaffRef changedBy) {}
