package com.clientsms.kernel.staff;

import java.io.Serializable;
import java.util.Objects;

/**
 * Who did something, as the staff directory knew them at that moment. Events embed it whole so that an auditor
 * reading an old event never has to look up a staff record that may have changed since.
 */
public record StaffRef(String staffId, String username, String displayName, Role role, String practiceId)
        implements Serializable {

    public StaffRef {
        Objects.requireNonNull(staffId, "staffId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(practiceId, "practiceId");
        displayName = displayName == null ? username : displayName;
    }

    /** The identity used by in-process set-up code (demo data, operator tools), never by a web request. */
    public static StaffRef system(String practiceId) {
        return new StaffRef("system", "system", "System", Role.SUPERUSER, practiceId);
    }

    public boolean belongsTo(String otherPracticeId) {
        return practiceId.equals(otherPracticeId);
    }
}
