package com.clientsms.saga.delivery;

import com.clientsms.saga.gateway.OutboundSms;

/**
 * The payload of the deadline that asks the carrier whether it has a message whose last attempt went unanswered.
 *
 * @param sms the message, as it was sent
 * @param reason why the last attempt has no answer, for the failure recorded if the carrier does not have it
 */
public record LastLookUp(OutboundSms sms, String reason) {}
