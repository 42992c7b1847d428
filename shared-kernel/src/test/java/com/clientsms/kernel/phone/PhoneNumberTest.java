package com.clientsms.kernel.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clientsms.kernel.rule.RuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"0412 345 678", "0412345678", "+61 412 345 678", "+61412345678", "(04) 1234 5678"})
    void normalisesAustralianMobilesToE164(String typed) {
        assertThat(PhoneNumber.parseMobile(typed).e164()).isEqualTo("+61412345678");
    }

    @Test
    void acceptsInternationalMobiles() {
        assertThat(PhoneNumber.parseMobile("+64 21 123 4567").e164()).isEqualTo("+64211234567");
    }

    @ParameterizedTest
    @ValueSource(strings = {"02 9000 0000", "12345", "not a number", "0412 345 67", "+61 412 345 678 999 999"})
    void refusesWhatIsNotAMobileNumber(String typed) {
        assertThatThrownBy(() -> PhoneNumber.parseMobile(typed))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.kind()).isEqualTo(RuleViolation.Kind.INVALID));
    }

    @Test
    void refusalsDoNotRepeatTheNumberInClear() {
        assertThatThrownBy(() -> PhoneNumber.parseMobile("02 9876 5432"))
                .hasMessageNotContaining("9876")
                .hasMessageContaining("432");
    }

    @Test
    void masksAllButCountryCodeFirstDigitAndLastThree() {
        assertThat(new PhoneNumber("+61412345678").masked()).isEqualTo("+61 4** *** 678");
        assertThat(PhoneNumber.mask("0412 345 678")).isEqualTo("04** *** 678");
        assertThat(PhoneNumber.mask("+61412345678")).isEqualTo("+614*****678");
    }

    @Test
    void toStringNeverShowsTheNumber() {
        assertThat(new PhoneNumber("+61412345678").toString()).doesNotContain("12345");
    }

    @Test
    void refusesMalformedE164() {
        assertThatThrownBy(() -> new PhoneNumber("0412345678")).isInstanceOf(RuleViolation.class);
    }
}
