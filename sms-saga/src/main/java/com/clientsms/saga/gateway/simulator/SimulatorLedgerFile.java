package com.clientsms.saga.gateway.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated carrier's memory on disk: one line per submission, appended (and handed to the operating system)
 * before the send is answered, so it outlives a {@code kill -9} of the application. Read back at start, and by crash
 * tests to count what the carrier received.
 */
public final class SimulatorLedgerFile {

    /**
     * One submission as the carrier saw it.
     *
     * @param messageId our id of the message
     * @param submission 1 for the first
     * @param outcome what the carrier did with it
     * @param providerMessageId the carrier's id when it accepted the message, else null
     * @param finalStatus the final status it will report for an accepted message, else null
     * @param errorCode the carrier's code, or null
     */
    public record Entry(
            String messageId,
            int submission,
            SimulatedFate.Outcome outcome,
            String providerMessageId,
            String finalStatus,
            String errorCode) {

        /** The carrier has the message (whether or not the caller heard so). */
        public boolean accepted() {
            return providerMessageId != null;
        }
    }

    private final Path file;

    SimulatorLedgerFile(Path file) {
        this.file = file;
    }

    synchronized void append(Entry entry) {
        String line = String.join(
                        "\t",
                        entry.messageId(),
                        Integer.toString(entry.submission()),
                        entry.outcome().name(),
                        orDash(entry.providerMessageId()),
                        orDash(entry.finalStatus()),
                        orDash(entry.errorCode()))
                + "\n";
        try {
            Files.writeString(
                    file,
                    line,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the simulator's ledger " + file, e);
        }
    }

    /** Every submission recorded in the file, in order; empty when there is no file yet. */
    public static List<Entry> read(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", -1);
                if (f.length != 6) {
                    continue; // a line cut short by the crash: the send was never answered
                }
                entries.add(new Entry(
                        f[0],
                        Integer.parseInt(f[1]),
                        SimulatedFate.Outcome.valueOf(f[2]),
                        dashToNull(f[3]),
                        dashToNull(f[4]),
                        dashToNull(f[5])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the simulator's ledger " + file, e);
        }
        return entries;
    }

    /** How many times the carrier accepted each message: exactly once per recipient is what crash tests check. */
    public static Map<String, Integer> acceptancesPerMessage(Path file) {
        Map<String, Integer> counts = new HashMap<>();
        read(file).stream().filter(Entry::accepted).forEach(e -> counts.merge(e.messageId(), 1, Integer::sum));
        return counts;
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }

    private static String dashToNull(String value) {
        return value.equals("-") ? null : value;
    }
}
