package com.clientsms.kernel.directory;

import com.clientsms.kernel.staff.StaffRef;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds a client of the same practice to a group. */
public record AddGroupMember(@TargetAggregateIdentifier String groupId, String clientId, StaffRef changedBy) {}
