package com.clientsms.app.faults;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A scenario's verdict: one row per invariant (name, expected, actual, PASS or FAIL), printed as a table with the
 * machine it ran on. {@link #verify()} fails the test, and so the Maven run, if any row failed.
 */
final class Invariants {

    private record Row(String name, String expected, String actual, boolean pass) {}

    private final String scenario;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    Invariants(String scenario) {
        this.scenario = scenario;
    }

    Invariants equal(String name, Object expected, Object actual) {
        rows.add(new Row(name, String.valueOf(expected), String.valueOf(actual), Objects.equals(expected, actual)));
        return this;
    }

    Invariants atMost(String name, long limit, long actual) {
        rows.add(new Row(name, "<= " + limit, String.valueOf(actual), actual <= limit));
        return this;
    }

    Invariants atLeast(String name, long limit, long actual) {
        rows.add(new Row(name, ">= " + limit, String.valueOf(actual), actual >= limit));
        return this;
    }

    Invariants holds(String name, String expected, String actual, boolean pass) {
        rows.add(new Row(name, expected, actual, pass));
        return this;
    }

    /** A figure worth reporting that is not an invariant (durations, gateway counters). */
    Invariants note(String what) {
        notes.add(what);
        return this;
    }

    String table() {
        StringBuilder out = new StringBuilder();
        out.append("### ").append(scenario).append(" (").append(Instant.now()).append(")\n\n");
        out.append("| invariant | expected | actual | result |\n|---|---|---|---|\n");
        rows.forEach(row -> out.append("| ")
                .append(row.name())
                .append(" | ")
                .append(row.expected())
                .append(" | ")
                .append(row.actual())
                .append(" | ")
                .append(row.pass() ? "PASS" : "FAIL")
                .append(" |\n"));
        out.append('\n');
        notes.forEach(note -> out.append("- ").append(note).append('\n'));
        var os = ManagementFactory.getOperatingSystemMXBean();
        out.append(String.format(
                "- machine: %d cores, load average %.2f, test JVM heap max %d MB%n",
                Runtime.getRuntime().availableProcessors(),
                os.getSystemLoadAverage(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024)));
        return out.toString();
    }

    /** Prints the table, keeps a copy in target/faults, and fails if any invariant does not hold. */
    void verify() throws IOException {
        String table = table();
        System.out.println(table);
        Path reports = Path.of("target", "faults");
        Files.createDirectories(reports);
        Files.writeString(reports.resolve(scenario.replaceAll("[^A-Za-z0-9-]+", "-") + ".md"), table);
        List<Row> failed = rows.stream().filter(row -> !row.pass()).toList();
        if (!failed.isEmpty()) {
            throw new AssertionError(failed.size() + " invariant(s) failed in " + scenario + ":\n" + table);
        }
    }
}
