package com.clientsms.saga.gateway;

import java.time.Instant;
import java.util.Optional;

/**
 * The port to whatever carries SMS to handsets: the simulator by default, Twilio in production. A gateway answers
 * synchronously whether it took the message and reports what happened to it later through {@link DeliveryReports}.
 * Implementations return an outcome for carrier errors instead of throwing, so the caller decides what is final.
 */
public interface SmsGateway {

    SendOutcome send(OutboundSms sms);

    /**
     * Looks for a message that an earlier, ambiguous attempt (timeout, connection reset after the request was written)
     * may have handed over already. Carriers such as Twilio have no idempotency key, so this look-up is what decides
     * whether sending again would be a duplicate.
     *
     * @param sms the message as it was sent
     * @param notBefore when the earlier attempt started (carriers list messages by creation date)
     * @return the carrier's acceptance of that message, or empty when the carrier never received it
     */
    Optional<SendOutcome.Accepted> find(OutboundSms sms, Instant notBefore);

    /**
     * The carrier's current status of a message it accepted, for reconciling messages whose callbacks never came.
     *
     * @return the latest status as a report, or empty when the carrier does not know the message
     */
    Optional<DeliveryReport> currentStatus(String providerMessageId, String messageId);
}
