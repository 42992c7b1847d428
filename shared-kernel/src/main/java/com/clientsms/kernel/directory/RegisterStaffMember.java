package com.clientsms.kernel.directory;

import com.clientsms.kernel.staff.Role;
import com.clientsms.kernel.staff.StaffRef;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds a member of staff with a role to a practice. */
public record RegisterStaffMember(
        @TargetAggregateIdentifier String staffId,
        String practiceId,
        String username,
        String displayName,
        Role role,
        StaffRef registeredBy) {}
