package com.clientsms.app.ui;

import com.clientsms.kernel.body.MessageBody;
import com.clientsms.kernel.body.SmsEncoding;
import com.clientsms.kernel.rule.RuleViolation;
import java.util.List;

/**
 * The counter as first rendered (the page's script takes over as soon as it runs): the kernel's own count, so a page
 * shown again after a refusal says what the server measured.
 */
record Counter(int characters, String encoding, int segments, List<String> forcingUcs2, String problem) {

    static Counter of(String text) {
        String body = text == null ? "" : text;
        try {
            MessageBody counted = new MessageBody(body);
            return new Counter(
                    counted.characters(),
                    label(counted.encoding()),
                    counted.segments(),
                    counted.charactersForcingUcs2(),
                    null);
        } catch (RuleViolation refused) {
            return new Counter(
                    body.codePointCount(0, body.length()),
                    "GSM-7",
                    body.isEmpty() ? 0 : 1,
                    List.of(),
                    body.isEmpty() ? null : refused.getMessage());
        }
    }

    static String label(SmsEncoding encoding) {
        return encoding == SmsEncoding.GSM_7 ? "GSM-7" : "UCS-2";
    }

    public int maximum() {
        return MessageBody.MAX_CHARACTERS;
    }
}
