package com.clientsms.app.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clientsms.app.api.Http;
import com.clientsms.app.api.RunningApplication;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Everything the running application logs (DEBUG for com.clientsms) while messages are sent, broadcast and delivered
 * is captured; no demo mobile number, in E.164 or as a person writes it, and no message body appears in it.
 */
@ExtendWith(OutputCaptureExtension.class)
class SafeLogsTest extends RunningApplication {

    private static final String SECRET_TEXT = "Confidential: your test results are ready, ref 7731";
    private static final String BROADCAST_TEXT = "Broadcast secret: closed for the staff retreat";

    @Test
    void aFullSendAndDeliveryLogsNoPhoneNumberAndNoMessageBody(CapturedOutput output) {
        Http practitioner = as("practitioner1");
        Http.Response sent =
                practitioner.postJson("/api/clients/" + OWN_CLIENT + "/messages", Map.of("body", SECRET_TEXT));
        assertThat(sent.status()).isEqualTo(202);
        String messageId = sent.json().get("messageId").asText();
        Http.Response broadcast = as("admin").postJson("/api/broadcasts", Map.of("body", BROADCAST_TEXT));
        assertThat(broadcast.status()).isEqualTo(202);
        as("admin").postJson("/api/clients", Map.of("name", "Log Test", "mobile", "0491 570 999"));
        as("admin")
                .send(
                        "PUT",
                        "/api/clients/harbour-client-25/mobile",
                        "application/json",
                        "{\"mobile\":\"+61 2 9000 0000\"}".getBytes());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(practitioner
                        .get("/api/clients/" + OWN_CLIENT + "/messages?size=100")
                        .text())
                .contains(messageId + "\"")
                .contains("delivered"));

        String logs = output.getAll();
        assertThat(logs)
                .as("the capture saw the application's debug logging of this send")
                .contains(messageId);
        assertThat(logs)
                .doesNotContain(SECRET_TEXT)
                .doesNotContain("test results")
                .doesNotContain(BROADCAST_TEXT)
                .doesNotContain("staff retreat");
        for (String number : demoNumbers()) {
            assertThat(logs).as("logs mention %s", number).doesNotContain(number);
        }
    }

    /** Every demo mobile: 0491 57d nnn (Harbour), 0491 578 00n (Valley), in national, compact and E.164 forms. */
    private static List<String> demoNumbers() {
        List<String> numbers = new ArrayList<>();
        for (int i = 1; i <= 48; i++) {
            add(numbers, "0491 57%d %03d".formatted(i % 10, i));
        }
        for (int i = 1; i <= 5; i++) {
            add(numbers, "0491 578 %03d".formatted(i));
        }
        add(numbers, "0491 570 999");
        return numbers;
    }

    private static void add(List<String> numbers, String national) {
        String compact = national.replace(" ", "");
        numbers.add(national);
        numbers.add(compact);
        numbers.add("+61" + compact.substring(1));
        numbers.add("+61 " + compact.substring(1, 4) + " " + compact.substring(4, 7) + " " + compact.substring(7));
    }
}
