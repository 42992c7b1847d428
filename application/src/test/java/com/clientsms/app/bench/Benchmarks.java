package com.clientsms.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Sizes from system properties (the benchmarks profile sets the full ones) and a plain-text result table headed by the
 * machine: cores, memory and the load average when the benchmark started and ended (the machine may be shared).
 */
final class Benchmarks {

    private Benchmarks() {}

    static int[] sizes(String property, String smokeDefault) {
        return Arrays.stream(System.getProperty(property, smokeDefault).split(","))
                .map(String::trim)
                .mapToInt(Integer::parseInt)
                .toArray();
    }

    static int size(String property, int smokeDefault) {
        return Integer.getInteger(property, smokeDefault);
    }

    /** The 1, 5 and 15 minute load averages of the machine, as the kernel reports them. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            double oneMinute = java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage();
            return oneMinute < 0 ? "unknown" : String.format("%.2f", oneMinute);
        }
    }

    static void print(String title, String loadAtStart, String[] header, List<String[]> rows, String... notes) {
        StringBuilder out = new StringBuilder("\n== ").append(title).append(" ==\n");
        BenchmarkApplication.machine().forEach(line -> out.append(line).append('\n'));
        out.append("load average (1/5/15 min) at start: ")
                .append(loadAtStart)
                .append(", at end: ")
                .append(loadAverage())
                .append('\n');
        int[] widths = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            widths[i] = header[i].length();
            for (String[] row : rows) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        appendRow(out, header, widths);
        for (String[] row : rows) {
            appendRow(out, row, widths);
        }
        for (String note : notes) {
            out.append(note).append('\n');
        }
        System.out.println(out);
    }

    /** Polling pause for benchmarks, which wait on a condition in the stores rather than on a callback. */
    static void pause(Duration duration) {
        LockSupport.parkNanos(duration.toNanos());
    }

    static double jvmCpuSeconds() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1e9 : 0;
    }

    /**
     * User and system CPU of the PostgreSQL server whose data directory this is and of its children (the connection
     * backends the pool keeps open), from /proc; 0 where there is no /proc.
     */
    static double processTreeCpuSeconds(Path pgData) {
        try {
            long postmaster = Long.parseLong(
                    Files.readAllLines(pgData.resolve("postmaster.pid")).get(0).trim());
            long ticks = 0;
            try (var processes = Files.list(Path.of("/proc"))) {
                for (Path process : (Iterable<Path>) processes::iterator) {
                    String[] stat = stat(process);
                    if (stat != null
                            && (Long.parseLong(stat[0]) == postmaster || Long.parseLong(stat[1]) == postmaster)) {
                        ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                    }
                }
            }
            return ticks / 100.0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** pid, ppid and the fields after them (utime and stime at 11 and 12) of /proc/<pid>/stat. */
    private static String[] stat(Path process) {
        if (!process.getFileName().toString().chars().allMatch(Character::isDigit)) {
            return null;
        }
        try {
            String line = Files.readString(process.resolve("stat"));
            String pid = line.substring(0, line.indexOf(' '));
            String[] rest = line.substring(line.lastIndexOf(')') + 2).split(" ");
            String[] fields = new String[rest.length];
            fields[0] = pid;
            fields[1] = rest[1];
            System.arraycopy(rest, 2, fields, 2, rest.length - 2);
            return fields;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void appendRow(StringBuilder out, String[] cells, int[] widths) {
        out.append("| ");
        for (int i = 0; i < cells.length; i++) {
            out.append(String.format("%" + widths[i] + "s", cells[i])).append(" | ");
        }
        out.append('\n');
    }
}
