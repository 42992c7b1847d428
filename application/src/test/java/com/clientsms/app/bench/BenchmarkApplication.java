package com.clientsms.app.bench;

import com.clientsms.app.ClientSmsApplication;
import com.clientsms.command.staff.StaffOnboarding;
import com.clientsms.kernel.directory.RegisterClient;
import com.clientsms.kernel.directory.RegisterPractice;
import com.clientsms.kernel.staff.Role;
import com.clientsms.kernel.staff.StaffRef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The whole application started in-process on its embedded stores (durable, as users run it) with a practice of
 * generated clients, for benchmarks. Each benchmark gets its own data directory.
 */
final class BenchmarkApplication implements AutoCloseable {

    static final String PASSWORD = "demo";

    private final ConfigurableApplicationContext context;
    private final Path dataDir;

    private BenchmarkApplication(ConfigurableApplicationContext context, Path dataDir) {
        this.context = context;
        this.dataDir = dataDir;
    }

    static BenchmarkApplication start(String name, String... extraArguments) {
        return start(name, new Class<?>[0], extraArguments);
    }

    /** With more configuration classes (a test identity provider, say) beside the application's own. */
    static BenchmarkApplication start(String name, Class<?>[] sources, String... extraArguments) {
        return startIn(dataDir(name), sources, extraArguments);
    }

    static Path dataDir(String name) {
        return Path.of("target", "bench", name + "-" + UUID.randomUUID()).toAbsolutePath();
    }

    static BenchmarkApplication startIn(Path dataDir, Class<?>[] sources, String... extraArguments) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--clientsms.data-dir=" + dataDir,
                "--clientsms.demo-data=false",
                "--logging.level.root=WARN"));
        arguments.addAll(List.of(extraArguments));
        withOverrides(arguments);
        return new BenchmarkApplication(
                new SpringApplicationBuilder(ClientSmsApplication.class)
                        .sources(sources)
                        .run(arguments.toArray(String[]::new)),
                dataDir);
    }

    /**
     * -Dbench.app.args="--a=b --c=d" tries other settings without a code change (processor tuning, say). A setting
     * given there replaces the benchmark's own (Spring would join two values of one key with a comma).
     */
    static void withOverrides(List<String> arguments) {
        String more = System.getProperty("bench.app.args", "").trim();
        if (!more.isEmpty()) {
            List<String> overrides = List.of(more.split("\\s+"));
            overrides.forEach(
                    override -> arguments.removeIf(argument -> key(argument).equals(key(override))));
            arguments.addAll(overrides);
        }
    }

    private static String key(String argument) {
        int equals = argument.indexOf('=');
        return equals < 0 ? argument : argument.substring(0, equals);
    }

    /**
     * Registers a practice with an administrator (username = practice id, password {@link #PASSWORD}) and
     * {@code clients} active clients with mobile numbers, through the ordinary commands.
     */
    void seedPractice(String practice, int clients) {
        StaffRef system = StaffRef.system(practice);
        CommandGateway commands = context.getBean(CommandGateway.class);
        commands.sendAndWait(new RegisterPractice(practice, "Benchmark practice " + practice));
        context.getBean(StaffOnboarding.class)
                .register(practice + "-admin", practice, practice, "Bench Admin", Role.ADMIN, PASSWORD, system);
        // A thousand clients per transaction: seeding is not what is measured, and a commit per client would be.
        TransactionTemplate chunk = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        for (int from = 0; from < clients; from += 1000) {
            int start = from;
            int end = Math.min(clients, from + 1000);
            chunk.executeWithoutResult(status -> {
                for (int i = start; i < end; i++) {
                    commands.sendAndWait(new RegisterClient(
                            practice + "-client-" + i,
                            practice,
                            "Client " + i,
                            "+6149" + String.format("%07d", i),
                            true,
                            List.of(),
                            system));
                }
            });
        }
    }

    String baseUrl() {
        return "http://localhost:"
                + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    DataSource dataSource() {
        return context.getBean(DataSource.class);
    }

    MongoTemplate mongo() {
        return context.getBean(MongoTemplate.class);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    <T> T bean(String name, Class<T> type) {
        return context.getBean(name, type);
    }

    /**
     * CPU time spent so far by this JVM and by the embedded PostgreSQL's processes, in seconds: unlike wall-clock time,
     * it hardly depends on what else the machine is running.
     */
    double cpuSeconds() {
        return Benchmarks.jvmCpuSeconds() + postgresCpuSeconds();
    }

    double postgresCpuSeconds() {
        return Benchmarks.processTreeCpuSeconds(dataDir.resolve("postgres"));
    }

    static Stream<String> machine() {
        Runtime runtime = Runtime.getRuntime();
        return Stream.of(
                "cores: " + runtime.availableProcessors(),
                "max heap: " + runtime.maxMemory() / (1024 * 1024) + " MB",
                "physical memory: " + physicalMemoryMb() + " MB",
                "java: " + System.getProperty("java.version"));
    }

    private static long physicalMemoryMb() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getTotalMemorySize() / (1024 * 1024);
        }
        return -1;
    }

    @Override
    public void close() {
        context.close();
    }
}
