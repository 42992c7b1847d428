package com.clientsms.kernel.directory;

import com.clientsms.kernel.staff.StaffRef;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Removes the link between a practitioner and a client. */
public record UnlinkPractitioner(
        @TargetAggregateIdentifier String clientId, String practitionerId, StaffRef changedBy) {}
