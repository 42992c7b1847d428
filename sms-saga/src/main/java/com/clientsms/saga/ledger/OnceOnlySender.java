package com.clientsms.saga.ledger;

import com.clientsms.saga.gateway.OutboundSms;
import com.clientsms.saga.gateway.SendOutcome;
import com.clientsms.saga.gateway.SendOutcome.Accepted;
import com.clientsms.saga.gateway.SendOutcome.Ambiguous;
import com.clientsms.saga.gateway.SendOutcome.Rejected;
import com.clientsms.saga.gateway.SendOutcome.TransientFailure;
import com.clientsms.saga.gateway.SmsGateway;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Hands a message to the carrier at most once, however often it is asked to: after a retry, a redelivered event, a
 * rolled-back batch or a crash and restart. The carrier has no idempotency key, so the ledger does the remembering:
 *
 * <ul>
 *   <li>an accepted earlier attempt answers for the carrier (nothing is sent);
 *   <li>an earlier attempt that may have reached the carrier (no outcome recorded, or ambiguous) is looked up at the
 *       carrier first; if the carrier has the message, that acceptance is recorded and nothing is sent;
 *   <li>otherwise a new attempt is recorded and committed, and only then is the carrier called.
 * </ul>
 *
 * Ledger failures are thrown (the caller's event is then retried, and the ledger still knows what happened); carrier
 * failures are answered as outcomes.
 */
@Component
public class OnceOnlySender {

    private static final Logger log = LoggerFactory.getLogger(OnceOnlySender.class);

    private final SendLedger ledger;
    private final SmsGateway gateway;
    private final Clock clock;

    @Autowired
    public OnceOnlySender(SendLedger ledger, SmsGateway gateway) {
        this(ledger, gateway, Clock.systemUTC());
    }

    public OnceOnlySender(SendLedger ledger, SmsGateway gateway, Clock clock) {
        this.ledger = ledger;
        this.gateway = gateway;
        this.clock = clock;
    }

    public SendOutcome send(OutboundSms sms) {
        Finding earlier = lookUpEarlierAttempts(sms);
        if (earlier instanceof Found found) {
            return found.acceptance();
        }
        if (earlier instanceof Unanswered) {
            // Still unresolved: the caller retries later, and the next attempt looks the message up again.
            return new Ambiguous("The carrier could not be asked whether it already has the message.");
        }
        int attempt = ledger.begin(sms.messageId(), clock.instant());
        SendOutcome outcome = callCarrier(sms, attempt);
        record(sms.messageId(), attempt, outcome);
        return outcome;
    }

    /**
     * Whether the carrier already has the message from an earlier attempt, without sending it: an accepted attempt
     * answers at once; attempts that may have reached the carrier are looked up there, and the ledger records what
     * was found. The saga asks this before it gives up after an unanswered last attempt.
     */
    public Finding lookUpEarlierAttempts(OutboundSms sms) {
        List<SendAttempt> earlier = ledger.attempts(sms.messageId());
        Optional<SendAttempt> accepted = earlier.stream()
                .filter(a -> a.outcome() == AttemptOutcome.ACCEPTED)
                .findFirst();
        if (accepted.isPresent()) {
            log.info("Message {} was accepted by the carrier earlier; not sending it again", sms.messageId());
            return new Found(new Accepted(accepted.get().providerMessageId(), clock.instant()));
        }
        List<SendAttempt> unresolved =
                earlier.stream().filter(SendAttempt::unresolved).toList();
        if (unresolved.isEmpty()) {
            return new NotFound();
        }
        try {
            return lookUp(sms, unresolved).<Finding>map(Found::new).orElseGet(NotFound::new);
        } catch (CarrierUnreachable e) {
            return new Unanswered();
        }
    }

    /** What the carrier has of a message from earlier attempts. */
    public sealed interface Finding permits Found, NotFound, Unanswered {}

    /** The carrier has the message (or an earlier attempt was accepted): it must not be sent again. */
    public record Found(Accepted acceptance) implements Finding {}

    /** No earlier attempt reached the carrier. */
    public record NotFound() implements Finding {}

    /** The carrier could not be asked: sending now could duplicate the message. */
    public record Unanswered() implements Finding {}

    private Optional<Accepted> lookUp(OutboundSms sms, List<SendAttempt> unresolved) {
        SendAttempt first = unresolved.get(0);
        Optional<Accepted> found;
        try {
            found = gateway.find(sms, first.startedAt());
        } catch (RuntimeException e) {
            log.warn("Could not look message {} up at the carrier; not sending it now", sms.messageId(), e);
            throw new CarrierUnreachable();
        }
        SendAttempt last = unresolved.get(unresolved.size() - 1);
        for (SendAttempt attempt : unresolved) {
            boolean theOne = found.isPresent() && attempt == last;
            ledger.finish(
                    sms.messageId(),
                    attempt.attempt(),
                    theOne ? AttemptOutcome.ACCEPTED : AttemptOutcome.NOT_FOUND,
                    theOne ? found.get().providerMessageId() : null,
                    null,
                    clock.instant());
        }
        if (found.isPresent()) {
            log.info(
                    "Message {} had reached the carrier on an unanswered attempt ({}); not sending it again",
                    sms.messageId(),
                    found.get().providerMessageId());
        }
        return found;
    }

    private SendOutcome callCarrier(OutboundSms sms, int attempt) {
        try {
            return gateway.send(sms);
        } catch (RuntimeException e) {
            // An adapter should answer with an outcome; after an unexpected failure nobody knows whether the request
            // left, so it is treated as ambiguous: looked up before any further attempt.
            log.error("SMS gateway failed on message {} (attempt {})", sms.messageId(), attempt, e);
            return new Ambiguous("The SMS gateway failed unexpectedly.");
        }
    }

    private void record(String messageId, int attempt, SendOutcome outcome) {
        if (outcome instanceof Accepted a) {
            ledger.finish(messageId, attempt, AttemptOutcome.ACCEPTED, a.providerMessageId(), null, clock.instant());
        } else if (outcome instanceof Rejected r) {
            ledger.finish(messageId, attempt, AttemptOutcome.REJECTED, null, r.errorCode(), clock.instant());
        } else if (outcome instanceof TransientFailure t) {
            ledger.finish(messageId, attempt, AttemptOutcome.TRANSIENT_FAILURE, null, t.errorCode(), clock.instant());
        } else if (outcome instanceof Ambiguous) {
            ledger.finish(messageId, attempt, AttemptOutcome.AMBIGUOUS, null, null, clock.instant());
        }
    }

    /** The carrier could not be asked whether it has a message: sending now could duplicate it. */
    private static final class CarrierUnreachable extends RuntimeException {
        CarrierUnreachable() {
            super(null, null, false, false);
        }
    }
}
