package com.clientsms.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProjectionRebuildCommandTest {

    @Test
    void progressBarShowsDoneOfTotalRateAndEta() {
        var state = new ProjectionState(
                "client-history", "rebuilding", 250_000L, 1_000_000L, 12_345.6, 61L, Instant.EPOCH, null);

        assertThat(ProjectionRebuildCommand.bar(state))
                .isEqualTo("client-history [##########                              ]  25% 250000/1000000 events,"
                        + " 12346/s, ETA 61 s");
    }

    @Test
    void progressBarBeforeTheFirstEventHasNoEta() {
        var state = new ProjectionState("audit-log", "rebuilding", 0L, 0L, 0.0, null, Instant.EPOCH, null);

        assertThat(ProjectionRebuildCommand.bar(state)).endsWith("0/0 events, 0/s, ETA ? s");
    }
}
