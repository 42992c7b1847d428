package com.clientsms.saga.gateway;

import java.time.Instant;

/**
 * A status the carrier reported for a message it accepted. Carriers report out of order and more than once; the
 * {@code SmsDelivery} aggregate decides what moves a message forward.
 *
 * <p>It carries no client id on purpose: a carrier callback only knows the message. The opt-out after error 21610, which
 * needs the client, is recorded by the delivery saga (which keeps the client id) when the resulting
 * {@code SmsStatusChanged} reaches it.
 *
 * @param providerMessageId the carrier's id of the message (Twilio's {@code MessageSid})
 * @param messageId our id of the message
 * @param carrierStatus the carrier's status as sent (Twilio's {@code MessageStatus}: sent, delivered, ...)
 * @param errorCode the carrier's raw error code, or null when there is none
 * @param occurredAt when the carrier reported it
 */
public record DeliveryReport(
        String providerMessageId, String messageId, String carrierStatus, String errorCode, Instant occurredAt) {}
