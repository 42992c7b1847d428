package com.clientsms.saga.gateway;

import com.clientsms.kernel.phone.PhoneNumber;

/**
 * One SMS handed to a gateway.
 *
 * @param messageId our id of the message (the {@code MessageRequested} id), which reports carry back
 * @param practiceId the practice sending it
 * @param to the recipient in E.164 form
 * @param body the text
 * @param segments how many SMS parts the carrier will bill
 */
public record OutboundSms(String messageId, String practiceId, String to, String body, int segments) {

    /** Masks the number and leaves the body out, so that logging an OutboundSms never leaks either. */
    @Override
    public String toString() {
        return "OutboundSms[messageId=" + messageId + ", practiceId=" + practiceId + ", to=" + PhoneNumber.mask(to)
                + ", body=<" + (body == null ? 0 : body.length()) + " chars>, segments=" + segments + "]";
    }
}
