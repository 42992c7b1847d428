package com.clientsms.kernel.directory;

import com.clientsms.kernel.staff.StaffRef;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The client is no longer a member of the group. */
@Revision("1")
public record GroupMemberRemoved(
        String groupId, String practiceId, String clientId, StaffRef changedBy, Instant changedAt) {}
