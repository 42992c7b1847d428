package com.clientsms.kernel.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clientsms.kernel.rule.RuleViolation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The counting rules, from one file of test vectors that the web page's counter is checked against too, so the
 * server and the page can never disagree about what a sender will be billed.
 */
class MessageBodyTest {

    static Stream<Arguments> validVectors() throws IOException {
        return vectors("valid")
                .map(v -> Arguments.of(
                        v.get("name").asText(),
                        v.get("text").asText(),
                        v.get("characters").asInt(),
                        SmsEncoding.valueOf(v.get("encoding").asText()),
                        v.get("segments").asInt()));
    }

    static Stream<Arguments> invalidVectors() throws IOException {
        return vectors("invalid")
                .map(v -> Arguments.of(v.get("name").asText(), v.get("text").asText()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validVectors")
    void countsCharactersEncodingAndSegmentsAsTheCarrierBills(
            String name, String text, int characters, SmsEncoding encoding, int segments) {
        MessageBody body = new MessageBody(text);

        assertThat(body.characters()).isEqualTo(characters);
        assertThat(body.encoding()).isEqualTo(encoding);
        assertThat(body.segments()).isEqualTo(segments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidVectors")
    void refusesWithAReasonAPersonCanRead(String name, String text) {
        assertThatThrownBy(() -> new MessageBody(text)).isInstanceOfSatisfying(RuleViolation.class, v -> {
            assertThat(v.kind()).isEqualTo(RuleViolation.Kind.INVALID);
            assertThat(v.getMessage()).isNotBlank();
        });
    }

    @Test
    void sayWhichCharactersForcedUcs2() {
        MessageBody body = new MessageBody("Thanks “Sam” 😀 see you");

        assertThat(body.charactersForcingUcs2()).containsExactly("“", "”", "😀");
    }

    @Test
    void aGsm7BodyHasNothingForcingUcs2() {
        assertThat(new MessageBody("Call 02 9000 0000 [reception]").charactersForcingUcs2())
                .isEmpty();
    }

    @Test
    void nullIsRefusedAsEmpty() {
        assertThatThrownBy(() -> new MessageBody(null))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("empty");
    }

    @Test
    void tooLongSaysHowLongItIs() {
        assertThatThrownBy(() -> new MessageBody("x".repeat(700)))
                .hasMessageContaining("700")
                .hasMessageContaining("640");
    }

    private static Stream<JsonNode> vectors(String kind) throws IOException {
        try (InputStream in = MessageBodyTest.class.getResourceAsStream("counter-vectors.json")) {
            JsonNode doc = new ObjectMapper().readTree(in);
            List<JsonNode> list = new ArrayList<>();
            doc.get(kind).forEach(list::add);
            return list.stream();
        }
    }
}
