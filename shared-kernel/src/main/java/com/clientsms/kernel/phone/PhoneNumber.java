package com.clientsms.kernel.phone;

import com.clientsms.kernel.rule.RuleViolation;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import java.util.Objects;

/** A mobile number in E.164 form, the only form the carrier and our events know. */
public record PhoneNumber(String e164) {

    /** Numbers written without a country code are read as Australian ones: 04xx is the common case. */
    public static final String DEFAULT_REGION = "AU";

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    public PhoneNumber {
        Objects.requireNonNull(e164, "e164");
        if (!e164.matches("\\+[1-9][0-9]{6,14}")) {
            throw RuleViolation.invalid("'" + mask(e164) + "' is not an E.164 phone number.");
        }
    }

    /** Normalises what a person typed ("0412 345 678", "+61412345678") and insists that it is a mobile number. */
    public static PhoneNumber parseMobile(String raw) {
        if (raw == null || raw.isBlank()) {
            throw RuleViolation.invalid("A mobile number is required.");
        }
        if (raw.length() > 32) {
            throw RuleViolation.invalid("The mobile number is too long to be a phone number.");
        }
        try {
            var parsed = UTIL.parse(raw, DEFAULT_REGION);
            if (!UTIL.isValidNumber(parsed)) {
                throw RuleViolation.invalid("'" + mask(raw) + "' is not a valid phone number.");
            }
            PhoneNumberType type = UTIL.getNumberType(parsed);
            if (type != PhoneNumberType.MOBILE && type != PhoneNumberType.FIXED_LINE_OR_MOBILE) {
                throw RuleViolation.invalid("'" + mask(raw) + "' is not a mobile number; SMS needs a mobile.");
            }
            return new PhoneNumber(UTIL.format(parsed, PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            throw RuleViolation.invalid("'" + mask(raw) + "' is not a phone number.");
        }
    }

    /** The number as logs and most screens may show it: country code, first digit and last three, e.g. +61 4** *** 678. */
    public String masked() {
        try {
            String international = UTIL.format(UTIL.parse(e164, null), PhoneNumberFormat.INTERNATIONAL);
            return mask(international);
        } catch (NumberParseException e) {
            return mask(e164);
        }
    }

    /**
     * Masks any phone-like text: keeps the first digits (country code and the first national digit when written with
     * "+", otherwise the first two) and the last three. Safe on arbitrary input, so logs can use it on what a user typed.
     */
    public static String mask(String text) {
        if (text == null) {
            return "";
        }
        int digits = (int) text.chars().filter(Character::isDigit).count();
        int keepHead = digits <= 6 ? 0 : text.startsWith("+") ? 3 : 2;
        int keepTail = digits <= 6 ? 2 : 3;
        StringBuilder out = new StringBuilder(text.length());
        int seen = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isDigit(c)) {
                seen++;
                out.append(seen <= keepHead || seen > digits - keepTail ? c : '*');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return masked();
    }
}
