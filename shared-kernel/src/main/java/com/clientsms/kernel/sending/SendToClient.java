package com.clientsms.kernel.sending;

import com.clientsms.kernel.staff.StaffRef;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A member of staff texts one client. */
public record SendToClient(
        @TargetAggregateIdentifier String clientId, String messageId, StaffRef sender, String body) {}
