package com.clientsms.kernel.directory;

import com.clientsms.kernel.staff.StaffRef;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The client is a member of the group from now on. */
@Revision("1")
public record GroupMemberAdded(
        String groupId, String practiceId, String clientId, StaffRef changedBy, Instant changedAt) {}
