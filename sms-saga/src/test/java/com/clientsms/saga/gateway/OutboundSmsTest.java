package com.clientsms.saga.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutboundSmsTest {

    @Test
    void loggingAnOutboundSmsRevealsNeitherTheNumberNorTheText() {
        String logged = new OutboundSms("msg-1", "practice-1", "+61412345678", "Your results are ready.", 1).toString();

        assertThat(logged)
                .contains("msg-1")
                .contains("678")
                .doesNotContain("+61412345678")
                .doesNotContain("results")
                .contains("23 chars");
    }
}
