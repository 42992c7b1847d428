package com.clientsms.kernel.directory;

import com.clientsms.kernel.staff.StaffRef;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Marks an inactive client active again. */
public record ReactivateClient(@TargetAggregateIdentifier String clientId, StaffRef changedBy) {}
