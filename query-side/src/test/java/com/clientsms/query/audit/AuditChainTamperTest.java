package com.clientsms.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hash chain against a real PostgreSQL event table: rows altered, deleted or slipped in behind the recorder's
 * back are named by verification, the first one first.
 */
class AuditChainTamperTest {

    private static final String HARBOUR = "practice-harbour";
    private static final String VALLEY = "practice-valley";
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;

    private JdbcTemplate jdbc;
    private AuditChainRecorder recorder;
    private AuditChainVerifier verifier;

    @BeforeAll
    static void startPostgres() throws IOException {
        Path work = Path.of("target", "tamper-pg");
        Files.createDirectories(work);
        postgres = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(work.toFile())
                .setServerConfig("unix_socket_directories", "")
                .start();
        dataSource = postgres.getPostgresDatabase();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @BeforeEach
    void freshTables() throws IOException {
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("drop table if exists domainevententry, audit_chain, audit_chain_progress");
        jdbc.execute(
                """
                CREATE TABLE domainevententry (
                    globalindex BIGSERIAL NOT NULL, aggregateidentifier VARCHAR(255) NOT NULL,
                    sequencenumber BIGINT NOT NULL, type VARCHAR(255), eventidentifier VARCHAR(255) NOT NULL,
                    metadata BYTEA, payload BYTEA NOT NULL, payloadrevision VARCHAR(255),
                    payloadtype VARCHAR(255) NOT NULL, timestamp VARCHAR(255) NOT NULL,
                    PRIMARY KEY (globalindex), UNIQUE (aggregateidentifier, sequencenumber), UNIQUE (eventidentifier))
                """);
        jdbc.execute(Files.readString(Path.of("src/main/resources/db/migration/V30__audit_chain.sql")));
        recorder = new AuditChainRecorder(
                dataSource, Duration.ofSeconds(1), Duration.ofSeconds(10), Clock.fixed(NOW, ZoneOffset.UTC));
        verifier = new AuditChainVerifier(dataSource);
    }

    @Test
    void untouchedTrailVerifiesForEachPractice() {
        appendMessages(HARBOUR, 5);
        appendMessages(VALLEY, 3);
        recorder.catchUp();

        ChainVerification harbour = verifier.verify(HARBOUR);
        ChainVerification valley = verifier.verify(VALLEY);

        assertThat(harbour.valid()).isTrue();
        assertThat(harbour.eventsChecked()).isEqualTo(5);
        assertThat(harbour.firstBadEvent()).isNull();
        assertThat(valley.valid()).isTrue();
        assertThat(valley.eventsChecked()).isEqualTo(3);
        assertThat(verifier.practices()).containsExactly(HARBOUR, VALLEY);
    }

    @Test
    void alteredPayloadIsNamedAsAltered() {
        appendMessages(HARBOUR, 5);
        recorder.catchUp();
        long third = globalIndexOf(HARBOUR, 3);

        jdbc.update(
                "update domainevententry set payload = convert_to(replace(convert_from(payload, 'UTF8'),"
                        + " 'message 3', 'message three'), 'UTF8') where globalindex = ?",
                third);

        assertFirstBad(HARBOUR, third, "altered", 2);
    }

    @Test
    void alteredTimestampIsNamedAsAltered() {
        appendMessages(HARBOUR, 4);
        recorder.catchUp();
        long second = globalIndexOf(HARBOUR, 2);

        jdbc.update("update domainevententry set timestamp = '2020-01-01T00:00:00Z' where globalindex = ?", second);

        assertFirstBad(HARBOUR, second, "altered", 1);
    }

    @Test
    void deletedEventIsNamedAsRemoved() {
        appendMessages(HARBOUR, 5);
        recorder.catchUp();
        long fourth = globalIndexOf(HARBOUR, 4);
        String id = jdbc.queryForObject(
                "select eventidentifier from domainevententry where globalindex = ?", String.class, fourth);

        jdbc.update("delete from domainevententry where globalindex = ?", fourth);

        ChainVerification result = assertFirstBad(HARBOUR, fourth, "removed", 3);
        assertThat(result.firstBadEvent().eventIdentifier()).isEqualTo(id);
    }

    @Test
    void deletingTheLastEventIsNoticedToo() {
        appendMessages(HARBOUR, 3);
        recorder.catchUp();
        long last = globalIndexOf(HARBOUR, 3);

        jdbc.update("delete from domainevententry where globalindex = ?", last);

        assertFirstBad(HARBOUR, last, "removed", 2);
    }

    @Test
    void eventSlippedIntoTheHistoryIsNamedAsInserted() {
        appendMessages(HARBOUR, 2);
        long gap = jdbc.queryForObject("select nextval('domainevententry_globalindex_seq')", Long.class);
        appendMessages(HARBOUR, 2);
        recorder.catchUp();

        String forged = UUID.randomUUID().toString();
        jdbc.update(
                "insert into domainevententry (globalindex, aggregateidentifier, sequencenumber, type,"
                        + " eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp)"
                        + " values (?, 'forged', 0, 'Client', ?, null, ?, '1', 'MessageRequested', ?)",
                gap,
                forged,
                payload(HARBOUR, "forged").getBytes(StandardCharsets.UTF_8),
                NOW.minusSeconds(3600).toString());

        ChainVerification result = assertFirstBad(HARBOUR, gap, "inserted", 2);
        assertThat(result.firstBadEvent().eventIdentifier()).isEqualTo(forged);
    }

    @Test
    void tamperingWithOnePracticeLeavesTheOthersChainValid() {
        appendMessages(HARBOUR, 3);
        appendMessages(VALLEY, 3);
        recorder.catchUp();

        jdbc.update("delete from domainevententry where globalindex = ?", globalIndexOf(HARBOUR, 2));

        assertThat(verifier.verify(VALLEY).valid()).isTrue();
        assertThat(verifier.verify(HARBOUR).valid()).isFalse();
    }

    @Test
    void theFirstOfSeveralTamperedEventsIsReported() {
        appendMessages(HARBOUR, 6);
        recorder.catchUp();
        long second = globalIndexOf(HARBOUR, 2);
        long fifth = globalIndexOf(HARBOUR, 5);

        jdbc.update("delete from domainevententry where globalindex = ?", fifth);
        jdbc.update("update domainevententry set sequencenumber = 99 where globalindex = ?", second);

        assertFirstBad(HARBOUR, second, "altered", 1);
    }

    @Test
    void eventsAppendedAfterTheChainAreChainedByTheNextCatchUp() {
        appendMessages(HARBOUR, 2);
        recorder.catchUp();
        appendMessages(HARBOUR, 2);
        recorder.catchUp();
        recorder.catchUp();

        ChainVerification result = verifier.verify(HARBOUR);
        assertThat(result.valid()).isTrue();
        assertThat(result.eventsChecked()).isEqualTo(4);
    }

    @Test
    void aRecentGapHoldsTheRecorderBackUntilItSettles() {
        appendMessages(HARBOUR, 1);
        jdbc.queryForObject("select nextval('domainevententry_globalindex_seq')", Long.class);
        append(HARBOUR, "late", NOW.minusSeconds(1));

        recorder.catchUp();
        assertThat(verifier.verify(HARBOUR).eventsChecked()).isEqualTo(1);

        var later = new AuditChainRecorder(
                dataSource,
                Duration.ofSeconds(1),
                Duration.ofSeconds(10),
                Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC));
        later.catchUp();
        assertThat(verifier.verify(HARBOUR).eventsChecked()).isEqualTo(2);
    }

    private ChainVerification assertFirstBad(String practiceId, long globalIndex, String problem, long goodBefore) {
        ChainVerification result = verifier.verify(practiceId);
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBadEvent().globalIndex()).isEqualTo(globalIndex);
        assertThat(result.firstBadEvent().problem()).isEqualTo(problem);
        assertThat(result.eventsChecked()).isEqualTo(goodBefore);
        return result;
    }

    private long globalIndexOf(String practiceId, int nth) {
        return jdbc.queryForObject(
                "select globalindex from domainevententry where convert_from(payload, 'UTF8') like ?"
                        + " order by globalindex offset ? limit 1",
                Long.class,
                "%\"practiceId\":\"" + practiceId + "\"%",
                nth - 1);
    }

    private void appendMessages(String practiceId, int count) {
        for (int i = 1; i <= count; i++) {
            append(practiceId, "message " + i, NOW.minusSeconds(3600));
        }
    }

    private void append(String practiceId, String body, Instant at) {
        String aggregate = UUID.randomUUID().toString();
        jdbc.update(
                "insert into domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,"
                        + " payload, payloadrevision, payloadtype, timestamp) values (?, 0, 'Client', ?, ?, ?, '1',"
                        + " 'com.clientsms.kernel.sending.MessageRequested', ?)",
                aggregate,
                UUID.randomUUID().toString(),
                "{}".getBytes(StandardCharsets.UTF_8),
                payload(practiceId, body).getBytes(StandardCharsets.UTF_8),
                at.toString());
    }

    private static String payload(String practiceId, String body) {
        return "{\"messageId\":\"" + UUID.randomUUID() + "\",\"practiceId\":\"" + practiceId + "\",\"body\":\"" + body
                + "\"}";
    }
}
