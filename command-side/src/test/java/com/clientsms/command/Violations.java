package com.clientsms.command;

import com.clientsms.kernel.rule.RuleViolation;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches the domain error a person would see: its kind (the HTTP status) and its sentence. */
public final class Violations {

    private Violations() {}

    public static Matcher<RuleViolation> violation(RuleViolation.Kind kind, String message) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolation item) {
                return item.kind() == kind && item.getMessage().equals(message);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText(kind + " \"" + message + "\"");
            }

            @Override
            protected void describeMismatchSafely(RuleViolation item, Description mismatch) {
                mismatch.appendText("was " + item.kind() + " \"" + item.getMessage() + "\"");
            }
        };
    }

    /** For refusals whose exact sentence belongs to the shared kernel (MessageBody, PhoneNumber). */
    public static Matcher<RuleViolation> violation(RuleViolation.Kind kind) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolation item) {
                return item.kind() == kind;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a " + kind + " rule violation");
            }
        };
    }
}
