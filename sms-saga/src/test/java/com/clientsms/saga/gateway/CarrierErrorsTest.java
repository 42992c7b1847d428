package com.clientsms.saga.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CarrierErrorsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "21211 | not a valid phone number",
                "21408 | not enabled",
                "21610 | opted out",
                "21614 | not a mobile number",
                "30003 | unreachable",
                "30004 | blocked",
                "30005 | unknown or no longer in service",
                "30006 | landline",
                "30007 | spam",
                "30008 | unknown error"
            })
    void knownCodeHasAReasonAPersonCanRead(String code, String expectedWords) {
        assertThat(CarrierErrors.reason(code)).containsIgnoringCase(expectedWords);
    }

    @ParameterizedTest
    @ValueSource(strings = {"21211", "21408", "21610", "21614", "30003", "30004", "30005", "30006", "30007", "30008"})
    void knownCarrierErrorsArePermanent(String code) {
        assertThat(CarrierErrors.isPermanent(code)).isTrue();
        assertThat(CarrierErrors.isTransient(code)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"20429", "429", "500", "502", "503", "504"})
    void throttlingAndServerErrorsAreTransient(String code) {
        assertThat(CarrierErrors.isTransient(code)).isTrue();
        assertThat(CarrierErrors.isPermanent(code)).isFalse();
    }

    @Test
    void throttlingSaysTheMessageMayBeSentLater() {
        assertThat(CarrierErrors.reason("20429")).contains("too many requests").contains("later");
    }

    @Test
    void serverErrorNamesItsHttpStatus() {
        assertThat(CarrierErrors.reason("503")).contains("HTTP 503");
    }

    @Test
    void unknownCodeKeepsTheRawCodeInItsReason() {
        assertThat(CarrierErrors.reason("30044")).contains("30044");
    }

    @Test
    void unknownCodeIsNeverRetriedOnAGuess() {
        assertThat(CarrierErrors.isPermanent("30044")).isTrue();
    }

    @Test
    void unrecognisedTextIsNotEchoedIntoTheReason() {
        assertThat(CarrierErrors.reason("<script>")).doesNotContain("<script>");
    }

    @Test
    void noCodeHasNoReason() {
        assertThat(CarrierErrors.reason(null)).isNull();
        assertThat(CarrierErrors.reason(" ")).isNull();
    }
}
