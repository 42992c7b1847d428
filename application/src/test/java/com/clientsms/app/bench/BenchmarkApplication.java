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
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The whole application started in-process on its embedded stores (durable, as users run it) with a practice of
 * generated clients, for benchmarks. Each benchmark gets its own data directory.
 */
final class BenchmarkApplication implements AutoCloseable {

    static final String PASSWORD = "demo";

    private final ConfigurableApplicationContext context;

    private BenchmarkApplication(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static BenchmarkApplication start(String name, String... extraArguments) {
        Path dataDir = Path.of("target", "bench", name + "-" + UUID.randomUUID());
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--clientsms.data-dir=" + dataDir,
                "--clientsms.demo-data=false",
                "--logging.level.root=WARN"));
        arguments.addAll(List.of(extraArguments));
        return new BenchmarkApplication(
                new SpringApplicationBuilder(ClientSmsApplication.class).run(arguments.toArray(String[]::new)));
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
        List<CompletableFuture<Object>> pending = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            pending.add(commands.send(new RegisterClient(
                    practice + "-client-" + i,
                    practice,
                    "Client " + i,
                    "+6149" + String.format("%07d", i),
                    true,
                    List.of(),
                    system)));
            if (pending.size() == 256) {
                CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                        .join();
                pending.clear();
            }
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
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
