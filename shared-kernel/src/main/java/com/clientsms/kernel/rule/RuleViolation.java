package com.clientsms.kernel.rule;

/**
 * A domain rule refused a request. The message is written for the person who made the request; the kind tells the
 * web layer which status code to answer with.
 */
public class RuleViolation extends RuntimeException {

    public enum Kind {
        /** The request itself is wrong (body too long, bad phone number). */
        INVALID,
        /** The caller's role does not allow it. */
        FORBIDDEN,
        /** Nothing by that id exists for the caller (also used for other practices' records, so nothing leaks). */
        NOT_FOUND,
        /** The request is valid but the current state does not allow it (client inactive, already a member). */
        CONFLICT
    }

    private final Kind kind;

    public RuleViolation(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public static RuleViolation invalid(String message) {
        return new RuleViolation(Kind.INVALID, message);
    }

    public static RuleViolation forbidden(String message) {
        return new RuleViolation(Kind.FORBIDDEN, message);
    }

    public static RuleViolation notFound(String message) {
        return new RuleViolation(Kind.NOT_FOUND, message);
    }

    public static RuleViolation conflict(String message) {
        return new RuleViolation(Kind.CONFLICT, message);
    }

    public Kind kind() {
        return kind;
    }
}
