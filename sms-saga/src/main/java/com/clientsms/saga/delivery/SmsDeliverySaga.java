package com.clientsms.saga.delivery;

import com.clientsms.kernel.delivery.DeliveryStatus;
import com.clientsms.kernel.delivery.RecordDeliveryStatus;
import com.clientsms.kernel.delivery.RecordSmsAccepted;
import com.clientsms.kernel.delivery.SmsStatusChanged;
import com.clientsms.kernel.directory.RecordClientOptOut;
import com.clientsms.kernel.sending.MessageRequested;
import com.clientsms.saga.gateway.CarrierErrors;
import com.clientsms.saga.gateway.DeliveryReport;
import com.clientsms.saga.gateway.OutboundSms;
import com.clientsms.saga.gateway.SendOutcome;
import com.clientsms.saga.gateway.SendOutcome.Accepted;
import com.clientsms.saga.gateway.SendOutcome.Ambiguous;
import com.clientsms.saga.gateway.SendOutcome.Rejected;
import com.clientsms.saga.gateway.SendOutcome.TransientFailure;
import com.clientsms.saga.gateway.SmsGateway;
import com.clientsms.saga.ledger.OnceOnlySender;
import com.clientsms.saga.ledger.OnceOnlySender.Finding;
import com.clientsms.saga.ledger.OnceOnlySender.Found;
import com.clientsms.saga.ledger.OnceOnlySender.NotFound;
import com.clientsms.saga.pacing.SendPacer;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Takes one requested message to the carrier and follows it until its status is final. One instance per message, so
 * its state is a handful of ids and counters however large the broadcast.
 *
 * <ul>
 *   <li>Pacing: the message waits for its sender's next free slot (a persistent deadline), or goes at once when
 *       sending is not paced.
 *   <li>Exactly once: every carrier call goes through the {@link OnceOnlySender}, whose ledger is committed before the
 *       call, so a retry, a redelivered event or a restart never sends a message the carrier already has.
 *   <li>Retries: transient failures and unresolved ambiguous ones are retried with exponential backoff and full
 *       jitter, up to {@code clientsms.delivery.retry.max-attempts}; permanent refusals are final at once.
 *   <li>An unanswered last attempt: the carrier is asked whether it has the message before the message is called
 *       failed.
 *   <li>Stuck messages: an accepted message without a final status after {@code clientsms.delivery.stuck-after} is
 *       looked up at the carrier and its status recorded.
 * </ul>
 *
 * <p>Deadlines live in db-scheduler's table (Axon's DbSchedulerDeadlineManager) and survive restarts; their payload
 * carries the message to send, so the saga itself stores no body. Public with a public no-argument constructor
 * because Axon instantiates sagas reflectively; stored as JSON, fields only (the transient collaborators are left
 * out).
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
    static final String SEND = "send-sms";
    static final String CHECK_STATUS = "check-sms-status";
    static final String LAST_LOOK_UP = "look-up-last-attempt";

    private static final String AMBIGUOUS = "ambiguous";

    private static final Logger log = LoggerFactory.getLogger(SmsDeliverySaga.class);

    @Autowired
    private transient OnceOnlySender sender;

    @Autowired
    private transient SmsGateway smsGateway;

    @Autowired
    private transient CommandGateway commandGateway;

    @Autowired
    private transient DeadlineManager deadlineManager;

    @Autowired
    private transient SendPacer pacer;

    @Autowired
    private transient DeliveryPolicy policy;

    @Autowired
    private transient Jitter jitter;

    private String messageId;
    private String practiceId;
    private String clientId;
    private int attempts;
    private int statusChecks;
    private String statusCheckId;
    private int lastLookUps;
    private String lastLookUpId;

    public SmsDeliverySaga() {}

    @StartSaga
    @SagaEventHandler(associationProperty = "messageId")
    void on(MessageRequested requested) {
        if (messageId != null) {
            // Delivered again to the saga it started (a replay): the message is already on its way.
            return;
        }
        messageId = requested.messageId();
        practiceId = requested.practiceId();
        clientId = requested.clientId();
        OutboundSms sms = new OutboundSms(
                requested.messageId(), requested.practiceId(), requested.to(), requested.body(), requested.segments());
        Optional<Instant> slot = pacer.reserve(sms.segments(), Instant.now());
        if (slot.isPresent()) {
            deadlineManager.schedule(slot.get(), SEND, sms);
        } else {
            attempt(sms);
        }
    }

    @DeadlineHandler(deadlineName = SEND)
    void send(OutboundSms sms) {
        attempt(sms);
    }

    @SagaEventHandler(associationProperty = "messageId")
    void on(SmsStatusChanged changed) {
        // A carrier report names only the message; the saga knows its client, so the opt-out is recorded here.
        if (CarrierErrors.OPTED_OUT.equals(changed.errorCode())) {
            recordOptOut(changed.errorCode());
        }
        if (changed.status().isFinal()) {
            stopCheckingStatus();
            SagaLifecycle.end();
        }
    }

    @DeadlineHandler(deadlineName = CHECK_STATUS)
    void checkStatus(StatusCheck check) {
        statusCheckId = null;
        statusChecks++;
        Optional<DeliveryReport> report = currentStatus(check.providerMessageId());
        Optional<DeliveryStatus> status = report.flatMap(SmsDeliverySaga::statusOf);
        if (status.isPresent()) {
            DeliveryReport known = report.get();
            String code = blankToNull(known.errorCode());
            dispatch(new RecordDeliveryStatus(
                    messageId,
                    practiceId,
                    clientId,
                    status.get(),
                    code,
                    CarrierErrors.reason(code),
                    check.providerMessageId(),
                    known.occurredAt() == null ? Instant.now() : known.occurredAt()));
            if (status.get().isFinal()) {
                // Recorded now, or already recorded by a report this saga never saw (a redelivery after a crash can
                // create the saga after the final report went past): either way the message is settled.
                if (CarrierErrors.OPTED_OUT.equals(code)) {
                    recordOptOut(code);
                }
                SagaLifecycle.end();
                return;
            }
        }
        if (statusChecks < policy.stuckChecks()) {
            statusCheckId = deadlineManager.schedule(policy.stuckAfter(), CHECK_STATUS, check);
        } else {
            log.warn(
                    "Message {} has no final status after {} look-ups at the carrier; no longer following it",
                    messageId,
                    statusChecks);
            SagaLifecycle.end();
        }
    }

    /**
     * After an unanswered last attempt: the carrier may have the message, so it is asked before the message is called
     * failed. Otherwise the audit would show a failure the client received, and "resend to failed" would text them
     * twice. A carrier that cannot be asked is asked again, up to {@code clientsms.delivery.stuck-checks} times.
     */
    @DeadlineHandler(deadlineName = LAST_LOOK_UP)
    void lookUpLastAttempt(LastLookUp lookUp) {
        lastLookUpId = null;
        lastLookUps++;
        Finding finding = sender.lookUpEarlierAttempts(lookUp.sms());
        if (finding instanceof Found found) {
            accepted(found.acceptance());
        } else if (finding instanceof NotFound) {
            fail(AMBIGUOUS, givenUp(lookUp.reason()));
        } else if (lastLookUps < policy.stuckChecks()) {
            lastLookUpId = deadlineManager.schedule(policy.ambiguousWait(), LAST_LOOK_UP, lookUp);
        } else {
            fail(
                    AMBIGUOUS,
                    givenUp(lookUp.reason()) + " The carrier could not be asked whether it has the message after "
                            + lastLookUps + " tries.");
        }
    }

    private void attempt(OutboundSms sms) {
        attempts++;
        SendOutcome outcome = sender.send(sms);
        if (outcome instanceof Accepted accepted) {
            accepted(accepted);
        } else if (outcome instanceof Rejected rejected) {
            fail(rejected.errorCode(), rejected.reason());
        } else if (outcome instanceof TransientFailure failure) {
            retryOrGiveUp(sms, failure.errorCode(), failure.reason());
        } else if (outcome instanceof Ambiguous ambiguous) {
            if (outOfAttempts()) {
                // Looked up, like the next attempt would be, once the unanswered request could have arrived.
                lastLookUpId = deadlineManager.schedule(
                        policy.ambiguousWait(),
                        LAST_LOOK_UP,
                        new LastLookUp(sms, readable(AMBIGUOUS, ambiguous.reason())));
            } else {
                // The next attempt begins with a look-up at the carrier, which must not come before the unanswered
                // request could still arrive there.
                retryOrGiveUp(sms, AMBIGUOUS, ambiguous.reason(), policy.ambiguousWait());
            }
        }
    }

    private void accepted(Accepted accepted) {
        dispatch(new RecordSmsAccepted(
                messageId, practiceId, clientId, accepted.providerMessageId(), accepted.acceptedAt()));
        statusCheckId = deadlineManager.schedule(
                policy.stuckAfter(), CHECK_STATUS, new StatusCheck(accepted.providerMessageId()));
    }

    private void retryOrGiveUp(OutboundSms sms, String errorCode, String reason) {
        retryOrGiveUp(sms, errorCode, reason, Duration.ZERO);
    }

    private void retryOrGiveUp(OutboundSms sms, String errorCode, String reason, Duration atLeast) {
        String readable = readable(errorCode, reason);
        if (outOfAttempts()) {
            fail(errorCode, givenUp(readable));
            return;
        }
        Duration backoff = policy.retry().backoff(attempts, jitter.draw());
        Duration wait = backoff.compareTo(atLeast) < 0 ? atLeast : backoff;
        log.info("Message {} attempt {} failed ({}); trying again in {}", messageId, attempts, errorCode, wait);
        Optional<Instant> slot = pacer.reserve(sms.segments(), Instant.now().plus(wait));
        if (slot.isPresent()) {
            deadlineManager.schedule(slot.get(), SEND, sms);
        } else {
            deadlineManager.schedule(wait, SEND, sms);
        }
    }

    private void fail(String errorCode, String reason) {
        dispatch(new RecordDeliveryStatus(
                messageId,
                practiceId,
                clientId,
                DeliveryStatus.FAILED,
                errorCode,
                readable(errorCode, reason),
                null,
                Instant.now()));
        if (CarrierErrors.OPTED_OUT.equals(errorCode)) {
            recordOptOut(errorCode);
        }
        SagaLifecycle.end();
    }

    private Optional<DeliveryReport> currentStatus(String providerMessageId) {
        try {
            return smsGateway.currentStatus(providerMessageId, messageId);
        } catch (RuntimeException e) {
            log.warn("Could not ask the carrier for the status of message {}", messageId, e);
            return Optional.empty();
        }
    }

    private boolean outOfAttempts() {
        return attempts >= policy.retry().maxAttempts();
    }

    private String givenUp(String reason) {
        return "gave up after " + attempts + " attempts: " + reason;
    }

    private void stopCheckingStatus() {
        if (statusCheckId != null) {
            deadlineManager.cancelSchedule(CHECK_STATUS, statusCheckId);
            statusCheckId = null;
        }
        if (lastLookUpId != null) {
            deadlineManager.cancelSchedule(LAST_LOOK_UP, lastLookUpId);
            lastLookUpId = null;
        }
    }

    private void recordOptOut(String errorCode) {
        dispatch(new RecordClientOptOut(clientId, errorCode, messageId));
    }

    /**
     * Fire and log: a failing command must not fail the event, or the processor would hand it to the saga again. (A
     * second send would still be stopped by the ledger; this keeps the log quiet.)
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

    private static Optional<DeliveryStatus> statusOf(DeliveryReport report) {
        try {
            return Optional.of(DeliveryStatus.fromTwilio(report.carrierStatus()));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static String readable(String errorCode, String reason) {
        return reason == null || reason.isBlank() ? CarrierErrors.reason(errorCode) : reason;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
