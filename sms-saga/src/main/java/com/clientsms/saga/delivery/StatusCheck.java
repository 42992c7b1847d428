package com.clientsms.saga.delivery;

/**
 * The payload of the deadline that asks the carrier about a message whose final status has not come.
 *
 * @param providerMessageId the carrier's id of the message
 */
public record StatusCheck(String providerMessageId) {}
