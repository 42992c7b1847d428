package com.clientsms.saga.delivery;

import com.clientsms.saga.gateway.OutboundSms;
import com.clientsms.saga.gateway.SendOutcome;
import com.clientsms.saga.gateway.SmsGateway;
import java.util.ArrayList;
import java.util.List;

/** A gateway that answers every send with the outcome it was told to give, and remembers what it was sent. */
class ScriptedSmsGateway implements SmsGateway {

    private final List<OutboundSms> sent = new ArrayList<>();
    private SendOutcome answer;
    private RuntimeException failure;

    ScriptedSmsGateway(SendOutcome answer) {
        this.answer = answer;
    }

    void answerWith(SendOutcome next) {
        this.answer = next;
    }

    void failWith(RuntimeException next) {
        this.failure = next;
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
}
