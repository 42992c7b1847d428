package com.clientsms.kernel.directory;

import com.clientsms.kernel.staff.StaffRef;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds a client to a practice. The mobile number is as typed; it is normalised to E.164. */
public record RegisterClient(
        @TargetAggregateIdentifier String clientId,
        String practiceId,
        String name,
        String mobile,
        boolean active,
        List<String> practitionerIds,
        StaffRef registeredBy) {}
