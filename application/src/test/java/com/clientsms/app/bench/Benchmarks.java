package com.clientsms.app.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/** Sizes from system properties (the benchmarks profile sets the full ones) and a plain-text result table. */
final class Benchmarks {

    private Benchmarks() {}

    static int[] sizes(String property, String smokeDefault) {
        return Arrays.stream(System.getProperty(property, smokeDefault).split(","))
                .map(String::trim)
                .mapToInt(Integer::parseInt)
                .toArray();
    }

    static void print(String title, String[] header, List<String[]> rows) {
        StringBuilder out = new StringBuilder("\n== ").append(title).append(" ==\n");
        BenchmarkApplication.machine().forEach(line -> out.append(line).append('\n'));
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
        System.out.println(out);
    }

    /** Polling pause for benchmarks, which wait on a condition in the stores rather than on a callback. */
    static void pause(Duration duration) {
        LockSupport.parkNanos(duration.toNanos());
    }

    private static void appendRow(StringBuilder out, String[] cells, int[] widths) {
        out.append("| ");
        for (int i = 0; i < cells.length; i++) {
            out.append(String.format("%" + widths[i] + "s", cells[i])).append(" | ");
        }
        out.append('\n');
    }
}
