package com.clientsms.saga.delivery;

import com.clientsms.kernel.delivery.DeliveryStatus;
import com.clientsms.kernel.delivery.RecordDeliveryStatus;
import com.clientsms.kernel.delivery.RecordSmsAccepted;
import com.clientsms.kernel.delivery.SmsStatusChanged;
import com.clientsms.kernel.directory.RecordClientOptOut;
import com.clientsms.kernel.sending.MessageRequested;
import com.clientsms.saga.gateway.CarrierErrors;
import com.clientsms.saga.gateway.OutboundSms;
import com.clientsms.saga.gateway.SendOutcome;
import com.clientsms.saga.gateway.SendOutcome.Accepted;
import com.clientsms.saga.gateway.SendOutcome.Ambiguous;
import com.clientsms.saga.gateway.SendOutcome.Rejected;
import com.clientsms.saga.gateway.SendOutcome.TransientFailure;
import com.clientsms.saga.gateway.SmsGateway;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Takes one requested message to the carrier and follows it until its status is final. One instance per message, so
 * its state is a handful of ids and an attempt count however large the broadcast.
 *
 * <p>Public with a public no-argument constructor because Axon instantiates sagas reflectively; stored as JSON by
 * Axon's JacksonSerializer, which sees the fields only (the transient collaborators are left out).
 */
@Saga
@ProcessingGroup(SmsDeliverySaga.PROCESSING_GROUP)
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE,
        setterVisibility = Visibility.NONE)
public class SmsDeliverySaga {

    static final String PROCESSING_GROUP = "SmsDeliverySagaProcessor";

    private static final Logger log = LoggerFactory.getLogger(SmsDeliverySaga.class);

    @Autowired
    private transient SmsGateway smsGateway;

    @Autowired
    private transient CommandGateway commandGateway;

    private String messageId;
    private String practiceId;
    private String clientId;
    private int attempts;

    public SmsDeliverySaga() {}

    @StartSaga
    @SagaEventHandler(associationProperty = "messageId")
    void on(MessageRequested requested) {
        messageId = requested.messageId();
        practiceId = requested.practiceId();
        clientId = requested.clientId();
        submit(new OutboundSms(
                requested.messageId(), requested.practiceId(), requested.to(), requested.body(), requested.segments()));
    }

    @SagaEventHandler(associationProperty = "messageId")
    void on(SmsStatusChanged changed) {
        // A carrier report names only the message; the saga knows its client, so the opt-out is recorded here.
        if (CarrierErrors.OPTED_OUT.equals(changed.errorCode())) {
            recordOptOut(changed.errorCode());
        }
        if (changed.status().isFinal()) {
            SagaLifecycle.end();
        }
    }

    private void submit(OutboundSms sms) {
        attempts++;
        SendOutcome outcome = callGateway(sms);
        if (outcome instanceof Accepted accepted) {
            dispatch(new RecordSmsAccepted(
                    messageId, practiceId, clientId, accepted.providerMessageId(), accepted.acceptedAt()));
        } else if (outcome instanceof Rejected rejected) {
            fail(rejected.errorCode(), rejected.reason());
        } else if (outcome instanceof TransientFailure failure) {
            onTransientFailure(failure);
        } else if (outcome instanceof Ambiguous ambiguous) {
            onTransientFailure(new TransientFailure("ambiguous", ambiguous.reason()));
        }
    }

    /**
     * Retries are not built yet, so a transient failure is final for now. They will schedule a deadline on a
     * persistent DeadlineManager carrying the OutboundSms (the saga keeps only ids) whose handler calls
     * {@link #submit} again while {@code attempts} is below the limit.
     */
    private void onTransientFailure(TransientFailure failure) {
        fail(failure.errorCode(), failure.reason());
    }

    private SendOutcome callGateway(OutboundSms sms) {
        try {
            return smsGateway.send(sms);
        } catch (RuntimeException e) {
            // An adapter should answer with an outcome; an exception must not make the processor redeliver the event
            // and send the message again.
            log.error("SMS gateway failed on message {} (attempt {})", messageId, attempts, e);
            return new TransientFailure("gateway-error", "The SMS gateway failed unexpectedly.");
        }
    }

    private void fail(String errorCode, String reason) {
        String readable = reason == null || reason.isBlank() ? CarrierErrors.reason(errorCode) : reason;
        dispatch(new RecordDeliveryStatus(
                messageId, practiceId, clientId, DeliveryStatus.FAILED, errorCode, readable, null, Instant.now()));
        if (CarrierErrors.OPTED_OUT.equals(errorCode)) {
            recordOptOut(errorCode);
        }
        SagaLifecycle.end();
    }

    private void recordOptOut(String errorCode) {
        dispatch(new RecordClientOptOut(clientId, errorCode, messageId));
    }

    /**
     * Fire and log: a failing command must not fail the event, or the processor would hand it to the saga again and
     * the message would go to the carrier twice.
     */
    private void dispatch(Object command) {
        commandGateway.send(command).whenComplete((result, error) -> {
            if (error != null) {
                log.warn(
                        "Command {} for message {} failed: {}",
                        command.getClass().getSimpleName(),
                        messageId,
                        error.getMessage());
            }
        });
    }
}
