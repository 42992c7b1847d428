package com.clientsms.kernel.directory;

import com.clientsms.kernel.staff.StaffRef;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces (or, with null, removes) a client's mobile number. */
public record ChangeClientMobile(@TargetAggregateIdentifier String clientId, String mobile, StaffRef changedBy) {}
