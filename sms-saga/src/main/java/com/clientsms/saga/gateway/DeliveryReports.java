package com.clientsms.saga.gateway;

/** Where gateways hand the status reports they receive from the carrier. Never throws back at the carrier. */
public interface DeliveryReports {

    void report(DeliveryReport report);
}
