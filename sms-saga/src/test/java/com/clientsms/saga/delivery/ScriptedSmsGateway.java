package com.clientsms.saga.delivery;

import com.clientsms.saga.gateway.DeliveryReport;
import com.clientsms.saga.gateway.OutboundSms;
import com.clientsms.saga.gateway.SendOutcome;
import com.clientsms.saga.gateway.SmsGateway;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A gateway that answers every send with the outcome it was told to give (or the next of a script of outcomes),
 * and remembers what it was sent and asked.
 */
class ScriptedSmsGateway implements SmsGateway {

    private final List<OutboundSms> sent = new ArrayList<>();
    private final Deque<SendOutcome> script = new ArrayDeque<>();
    private SendOutcome answer;
    private RuntimeException failure;
    private SendOutcome.Accepted found;
    private int lookUps;
    private int lookUpsToFail;
    private DeliveryReport status;

    ScriptedSmsGateway(SendOutcome answer) {
        this.answer = answer;
    }

    void answerWith(SendOutcome next) {
        this.answer = next;
    }

    /** Answers the next sends with these outcomes, in order, then with the standing answer. */
    void answerInTurn(SendOutcome... outcomes) {
        script.addAll(List.of(outcomes));
    }

    void failWith(RuntimeException next) {
        this.failure = next;
    }

    /** What a look-up after an ambiguous attempt finds at the carrier (null: nothing). */
    void findOnLookup(SendOutcome.Accepted acceptedEarlier) {
        this.found = acceptedEarlier;
    }

    /** The next {@code times} look-ups cannot reach the carrier. */
    void failLookUps(int times) {
        this.lookUpsToFail = times;
    }

    /** What the carrier answers when asked for the status of a message (null: it does not know it). */
    void reportStatus(DeliveryReport report) {
        this.status = report;
    }

    List<OutboundSms> sent() {
        return List.copyOf(sent);
    }

    int lookUps() {
        return lookUps;
    }

    @Override
    public SendOutcome send(OutboundSms sms) {
        sent.add(sms);
        if (failure != null) {
            RuntimeException thrown = failure;
            failure = null;
            throw thrown;
        }
        return script.isEmpty() ? answer : script.poll();
    }

    @Override
    public Optional<SendOutcome.Accepted> find(OutboundSms sms, Instant notBefore) {
        lookUps++;
        if (lookUpsToFail > 0) {
            lookUpsToFail--;
            throw new IllegalStateException("carrier unreachable");
        }
        return Optional.ofNullable(found);
    }

    @Override
    public Optional<DeliveryReport> currentStatus(String providerMessageId, String messageId) {
        return Optional.ofNullable(status);
    }
}
