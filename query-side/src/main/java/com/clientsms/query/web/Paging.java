package com.clientsms.query.web;

import com.clientsms.kernel.rule.RuleViolation;

/** The paging rules every list of the query side shares. */
final class Paging {

    static final int MAX_PAGE_SIZE = 100;

    private Paging() {}

    static void check(int page, int size) {
        if (page < 0) {
            throw RuleViolation.invalid("The page number must be 0 or more.");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw RuleViolation.invalid("The page size must be between 1 and " + MAX_PAGE_SIZE + ".");
        }
    }
}
