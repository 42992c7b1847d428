package com.clientsms.kernel.directory;

import com.clientsms.kernel.staff.StaffRef;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An administrator records that the client opted back in (replied START). */
public record RecordClientOptIn(@TargetAggregateIdentifier String clientId, StaffRef changedBy) {}
