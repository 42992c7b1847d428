package com.clientsms.saga.gateway;

/**
 * The port to whatever carries SMS to handsets: the simulator by default, Twilio in production. A gateway answers
 * synchronously whether it took the message and reports what happened to it later through {@link DeliveryReports}.
 * Implementations return an outcome for carrier errors instead of throwing, so the caller decides what is final.
 */
public interface SmsGateway {

    SendOutcome send(OutboundSms sms);
}
