package com.clientsms.kernel.directory;

import com.clientsms.kernel.staff.StaffRef;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A group of clients exists, with its first members. */
@Revision("1")
public record GroupCreated(
        String groupId,
        String practiceId,
        String name,
        List<String> memberIds,
        StaffRef createdBy,
        Instant createdAt) {}
