package com.clientsms.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingEncoderTest {

    @Test
    void masksInternationalAndNationalNumbersWhereverTheyAppear() {
        assertThat(MaskingEncoder.mask("sending to +61491570156 now")).isEqualTo("sending to +614*****156 now");
        assertThat(MaskingEncoder.mask("to +61 491 570 156.")).isEqualTo("to +61 4** *** 156.");
        assertThat(MaskingEncoder.mask("mobile=0491 570 156,")).isEqualTo("mobile=04** *** 156,");
        assertThat(MaskingEncoder.mask("call 02 9000 0000")).isEqualTo("call 02 **** *000");
    }

    @Test
    void leavesIdsTimesAndCountsAlone() {
        String line = "2026-12-03T14:28:08.123+11:00 message 0b6f1f5e-2c4d-4a8e-9d59-123456789012 took 1234567 ms,"
                + " globalIndex 1234567890";
        assertThat(MaskingEncoder.mask(line)).isEqualTo(line);
    }
}
