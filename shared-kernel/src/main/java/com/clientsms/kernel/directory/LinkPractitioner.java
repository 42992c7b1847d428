package com.clientsms.kernel.directory;

import com.clientsms.kernel.staff.StaffRef;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Links a practitioner to a client, which lets the practitioner text the client. */
public record LinkPractitioner(@TargetAggregateIdentifier String clientId, String practitionerId, StaffRef changedBy) {}
