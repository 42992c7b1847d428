package com.clientsms.saga.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pacing against a real PostgreSQL with the module's migrations. */
class JdbcSendPacerTest {

    private static final Instant T = Instant.parse("2026-12-03T10:00:00Z");

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;

    private final String sender = "sender-" + UUID.randomUUID();

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        dataSource = postgres.getPostgresDatabase();
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    private JdbcSendPacer pacer(double messagesPerSecond, double segmentsPerSecond) {
        return new JdbcSendPacer(new PacingProperties(messagesPerSecond, segmentsPerSecond, sender), dataSource);
    }

    @Test
    void unlimitedSendingIsNotPaced() {
        assertThat(pacer(0, 0).reserve(1, T)).isEmpty();
    }

    @Test
    void messagesAreSpacedByTheConfiguredRate() {
        JdbcSendPacer pacer = pacer(10, 0);

        assertThat(IntStream.range(0, 3).mapToObj(i -> pacer.reserve(1, T).orElseThrow()))
                .containsExactly(T, T.plusMillis(100), T.plusMillis(200));
    }

    @Test
    void longerMessagesTakeOneSlotPerSegment() {
        JdbcSendPacer pacer = pacer(0, 1);

        assertThat(pacer.reserve(3, T)).contains(T);
        assertThat(pacer.reserve(1, T)).contains(T.plusSeconds(3));
    }

    @Test
    void slowerOfTheTwoRatesWins() {
        JdbcSendPacer pacer = pacer(10, 2);

        pacer.reserve(1, T);
        assertThat(pacer.reserve(1, T)).contains(T.plusMillis(500));
    }

    @Test
    void idleSenderStartsAtTheRequestedTimeNotInThePast() {
        JdbcSendPacer pacer = pacer(1, 0);
        pacer.reserve(1, T);

        Instant later = T.plus(Duration.ofMinutes(5));
        assertThat(pacer.reserve(1, later)).contains(later);
    }

    @Test
    void paceSurvivesARestartAndIsSharedByEveryInstance() {
        pacer(1, 0).reserve(1, T);
        pacer(1, 0).reserve(1, T);

        assertThat(pacer(1, 0).reserve(1, T)).contains(T.plusSeconds(2));
    }

    @Test
    void concurrentReservationsNeverShareASlot() throws InterruptedException {
        JdbcSendPacer pacer = pacer(100, 0);
        ConcurrentLinkedQueue<Instant> slots = new ConcurrentLinkedQueue<>();
        ExecutorService instances = Executors.newFixedThreadPool(6);
        for (int i = 0; i < 300; i++) {
            instances.execute(() -> pacer.reserve(1, T).ifPresent(slots::add));
        }
        instances.shutdown();
        assertThat(instances.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        List<Instant> expected =
                IntStream.range(0, 300).mapToObj(i -> T.plusMillis(10L * i)).toList();
        assertThat(slots).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void senderPaceIsItsOwn() {
        pacer(1, 0).reserve(1, T);
        JdbcSendPacer other = new JdbcSendPacer(new PacingProperties(1, 0, sender + "-other"), dataSource);

        assertThat(other.reserve(1, T)).isEqualTo(Optional.of(T));
    }
}
