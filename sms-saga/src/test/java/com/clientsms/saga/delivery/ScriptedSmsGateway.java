package com.clientsms.saga.delivery;

import com.clientsms.saga.gateway.DeliveryReport;
import com.clientsms.saga.gateway.OutboundSms;
import com.clientsms.saga.gateway.SendOutcome;
import com.clientsms.saga.gateway.SmsGateway;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A gateway that answers every send with the outcome it was told to give, and remembers what it was sent. */
class ScriptedSmsGateway implements SmsGateway {

    private final List<OutboundSms> sent = new ArrayList<>();
    private SendOutcome answer;
    private RuntimeException failure;
    private SendOutcome.Accepted found;

    ScriptedSmsGateway(SendOutcome answer) {
        this.answer = answer;
    }

    void answerWith(SendOutcome next) {
        this.answer = next;
    }

    void failWith(RuntimeException next) {
        this.failure = next;
    }

    /** What a look-up after an ambiguous attempt finds at the carrier (null: nothing). */
    void findOnLookup(SendOutcome.Accepted acceptedEarlier) {
        this.found = acceptedEarlier;
    }

    List<OutboundSms> sent() {
        return List.copyOf(sent);
    }

    @Override
    public SendOutcome send(OutboundSms sms) {
        sent.add(sms);
        if (failure != null) {
            throw failure;
        }
        return answer;
    }

    @Override
    public Optional<SendOutcome.Accepted> find(OutboundSms sms, Instant notBefore) {
        return Optional.ofNullable(found);
    }

    @Override
    public Optional<DeliveryReport> currentStatus(String providerMessageId, String messageId) {
        return Optional.empty();
    }
}
