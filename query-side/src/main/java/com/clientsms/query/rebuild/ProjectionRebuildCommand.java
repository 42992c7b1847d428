package com.clientsms.query.rebuild;

import java.io.PrintStream;
import java.time.Duration;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The command-line rebuild: {@code --clientsms.cli=rebuild --clientsms.cli.projection=client-history} rebuilds one
 * projection the way the API does, draws a progress bar while it runs, and exits with 0 once the rebuilt model is
 * swapped in, 1 when the rebuild failed.
 */
@Component
@ConditionalOnProperty(name = "clientsms.cli", havingValue = "rebuild")
class ProjectionRebuildCommand implements ApplicationRunner {

    private static final int BAR = 40;

    private final ProjectionRebuilds rebuilds;
    private final ApplicationContext context;

    ProjectionRebuildCommand(ProjectionRebuilds rebuilds, ApplicationContext context) {
        this.rebuilds = rebuilds;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        String name = args.containsOption("clientsms.cli.projection")
                ? args.getOptionValues("clientsms.cli.projection").get(0)
                : "client-history";
        PrintStream out = System.out;
        ProjectionState state = rebuilds.rebuild(name);
        while ("rebuilding".equals(state.state())) {
            out.print('\r' + bar(state));
            out.flush();
            try {
                rebuilds.await(name, Duration.ofMillis(250));
            } catch (java.util.concurrent.TimeoutException stillRunning) {
                // redraw
            }
            state = rebuilds.state(name);
        }
        var last = state.lastRebuild();
        boolean swapped = last != null && "swapped".equals(last.outcome());
        out.println();
        out.println(
                swapped
                        ? "Rebuilt %s: %d events in %.1f s, swapped in.".formatted(name, last.events(), last.seconds())
                        : "Rebuild of %s failed: %s".formatted(name, last == null ? "unknown" : last.error()));
        int code = swapped ? 0 : 1;
        System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> code));
    }

    static String bar(ProjectionState state) {
        long total = state.eventsTotal() == null ? 0 : state.eventsTotal();
        long done = state.eventsDone() == null ? 0 : state.eventsDone();
        double fraction = total == 0 ? 0 : Math.min(1, (double) done / total);
        int filled = (int) Math.round(fraction * BAR);
        return "%s [%s%s] %3d%% %d/%d events, %d/s, ETA %s s"
                .formatted(
                        state.name(),
                        "#".repeat(filled),
                        " ".repeat(BAR - filled),
                        Math.round(fraction * 100),
                        done,
                        total,
                        Math.round(state.eventsPerSecond() == null ? 0 : state.eventsPerSecond()),
                        state.etaSeconds() == null ? "?" : state.etaSeconds());
    }
}
