package com.clientsms.command.practice;

import com.clientsms.kernel.rule.RuleViolation;
import com.clientsms.kernel.staff.StaffRef;

/** The checks every directory aggregate makes on the member of staff behind a command. */
public final class PracticeRules {

    private PracticeRules() {}

    /**
     * Another practice's record answers exactly like a missing one, so a caller learns nothing about other tenants.
     */
    public static void requireSamePractice(StaffRef caller, String practiceId, String notFoundMessage) {
        requireCaller(caller);
        if (!caller.belongsTo(practiceId)) {
            throw RuleViolation.notFound(notFoundMessage);
        }
    }

    /** Directory changes are for administrators and superusers (and the system identity, a superuser). */
    public static void requireDirectoryManager(StaffRef caller, String action) {
        requireCaller(caller);
        if (!caller.role().mayManageDirectory()) {
            throw RuleViolation.forbidden("Only administrators and superusers can " + action + ".");
        }
    }

    public static void requireCaller(StaffRef caller) {
        if (caller == null) {
            throw RuleViolation.forbidden("Sign in as a member of staff of the practice first.");
        }
    }

    public static void requireText(String value, String message) {
        if (value == null || value.isBlank()) {
            throw RuleViolation.invalid(message);
        }
    }
}
