package com.clientsms.command.lookup;

import java.util.List;

/** A group and its current members. */
public record GroupAudience(String groupId, String practiceId, String name, List<AudienceMember> members) {}
