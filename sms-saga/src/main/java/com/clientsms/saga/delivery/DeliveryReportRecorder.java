package com.clientsms.saga.delivery;

import com.clientsms.kernel.delivery.DeliveryStatus;
import com.clientsms.kernel.delivery.RecordDeliveryStatus;
import com.clientsms.saga.gateway.CarrierErrors;
import com.clientsms.saga.gateway.DeliveryReport;
import com.clientsms.saga.gateway.DeliveryReports;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns each carrier report into a {@link RecordDeliveryStatus}; the {@code SmsDelivery} aggregate ignores repeated and
 * older ones. The opt-out after error 21610 is not sent from here: a report knows only the message, and the saga,
 * which keeps the client id, records it when the resulting {@code SmsStatusChanged} reaches it.
 */
@Component
class DeliveryReportRecorder implements DeliveryReports {

    private static final Logger log = LoggerFactory.getLogger(DeliveryReportRecorder.class);

    private final CommandGateway commandGateway;

    DeliveryReportRecorder(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    @Override
    public void report(DeliveryReport report) {
        if (report.messageId() == null || report.messageId().isBlank()) {
            log.warn(
                    "Ignoring a delivery report without a message id (provider id {})",
                    loggable(report.providerMessageId()));
            return;
        }
        DeliveryStatus status;
        try {
            status = DeliveryStatus.fromTwilio(report.carrierStatus());
        } catch (IllegalArgumentException e) {
            log.warn(
                    "Ignoring unknown carrier status '{}' for message {}",
                    loggable(report.carrierStatus()),
                    report.messageId());
            return;
        }
        String errorCode = report.errorCode() == null || report.errorCode().isBlank() ? null : report.errorCode();
        var command = new RecordDeliveryStatus(
                report.messageId(),
                null,
                null,
                status,
                errorCode,
                CarrierErrors.reason(errorCode),
                report.providerMessageId(),
                report.occurredAt());
        commandGateway.send(command).whenComplete((result, error) -> {
            if (error != null) {
                log.warn(
                        "Could not record status {} for message {}: {}",
                        status,
                        report.messageId(),
                        error.getMessage());
            }
        });
    }

    /** Carrier input goes to the log only shortened and on one line. */
    private static String loggable(String value) {
        if (value == null) {
            return "null";
        }
        String oneLine = value.replaceAll("[\\r\\n\\t]", "_");
        return oneLine.length() > 40 ? oneLine.substring(0, 40) + "..." : oneLine;
    }
}
