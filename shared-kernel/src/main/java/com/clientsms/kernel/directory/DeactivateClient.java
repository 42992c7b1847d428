package com.clientsms.kernel.directory;

import com.clientsms.kernel.staff.StaffRef;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Marks a client inactive: they are no longer messaged. */
public record DeactivateClient(@TargetAggregateIdentifier String clientId, StaffRef changedBy) {}
