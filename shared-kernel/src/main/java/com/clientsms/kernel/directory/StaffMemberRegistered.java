package com.clientsms.kernel.directory;

import com.clientsms.kernel.staff.Role;
import com.clientsms.kernel.staff.StaffRef;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A member of staff can act in the practice with this role from now on. */
@Revision("1")
public record StaffMemberRegistered(
        String staffId,
        String practiceId,
        String username,
        String displayName,
        Role role,
        StaffRef registeredBy,
        Instant registeredAt) {}
