package com.clientsms.kernel.body;

import com.clientsms.kernel.rule.RuleViolation;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of an SMS. Length is counted the way a person counts (Unicode code points, so an emoji is one character);
 * encoding and segments are counted the way the carrier bills them.
 */
public record MessageBody(String text) {

    public static final int MAX_CHARACTERS = 640;

    public MessageBody {
        if (text == null || text.isEmpty()) {
            throw RuleViolation.invalid("The message is empty: write between 1 and " + MAX_CHARACTERS + " characters.");
        }
        if (text.isBlank()) {
            throw RuleViolation.invalid("The message is blank: write some text, not only spaces or line breaks.");
        }
        rejectUnpairedSurrogates(text);
        rejectControlCharacters(text);
        int characters = text.codePointCount(0, text.length());
        if (characters > MAX_CHARACTERS) {
            throw RuleViolation.invalid(
                    "The message has " + characters + " characters; the maximum is " + MAX_CHARACTERS + ".");
        }
    }

    public int characters() {
        return text.codePointCount(0, text.length());
    }

    public SmsEncoding encoding() {
        return text.codePoints().allMatch(cp -> Gsm7Alphabet.septets(cp) > 0) ? SmsEncoding.GSM_7 : SmsEncoding.UCS_2;
    }

    /** The distinct characters that GSM-7 cannot carry, in order of first appearance: they force UCS-2. */
    public List<String> charactersForcingUcs2() {
        List<String> found = new ArrayList<>();
        text.codePoints()
                .filter(cp -> Gsm7Alphabet.septets(cp) == 0)
                .mapToObj(Character::toString)
                .filter(s -> !found.contains(s))
                .forEach(found::add);
        return found;
    }

    /**
     * Number of SMS segments. A multipart message loses room to its header, and the carrier never splits an
     * escape sequence (GSM-7) or a surrogate pair (UCS-2) across two parts, so parts are filled greedily.
     */
    public int segments() {
        SmsEncoding encoding = encoding();
        int[] costs = text.codePoints()
                .map(cp -> encoding == SmsEncoding.GSM_7 ? Gsm7Alphabet.septets(cp) : Character.charCount(cp))
                .toArray();
        int total = 0;
        for (int cost : costs) {
            total += cost;
        }
        if (total <= encoding.singleSegmentCapacity()) {
            return 1;
        }
        int parts = 1;
        int used = 0;
        for (int cost : costs) {
            if (used + cost > encoding.multipartSegmentCapacity()) {
                parts++;
                used = 0;
            }
            used += cost;
        }
        return parts;
    }

    private static void rejectUnpairedSurrogates(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw RuleViolation.invalid(
                        "The message contains invalid Unicode (a broken character at position " + (i + 1) + ").");
            }
        }
    }

    private static void rejectControlCharacters(String text) {
        text.codePoints()
                .filter(cp -> Character.getType(cp) == Character.CONTROL && cp != '\n' && cp != '\r' && cp != '\t')
                .findFirst()
                .ifPresent(cp -> {
                    throw RuleViolation.invalid("The message contains an invisible control character (U+"
                            + String.format("%04X", cp) + "); remove it.");
                });
    }
}
