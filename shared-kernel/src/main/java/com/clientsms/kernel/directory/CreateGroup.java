package com.clientsms.kernel.directory;

import com.clientsms.kernel.staff.StaffRef;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Creates a named group of clients, such as a therapy group or a program's participants. */
public record CreateGroup(
        @TargetAggregateIdentifier String groupId,
        String practiceId,
        String name,
        List<String> memberIds,
        StaffRef createdBy) {}
