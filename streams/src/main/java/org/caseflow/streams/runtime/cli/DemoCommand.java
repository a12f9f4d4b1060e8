package org.caseflow.streams.runtime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.caseflow.streams.runtime.app.CaseflowRuntime;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.config.InvalidConfigException;
import org.caseflow.streams.runtime.kafka.AdminProps;
import org.caseflow.streams.runtime.kafka.EmbeddedKafka;
import org.caseflow.streams.runtime.kafka.TopicAdmin;
import org.caseflow.streams.runtime.kafka.TopicSpec;
import org.caseflow.streams.runtime.metrics.MetricsSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code caseflow demo}: everything in one process: embedded broker, topics, simulator, streams app
 * (event-time clock, so simulated days pass quickly) and the HTTP API. Ctrl-C stops it in reverse order.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run everything on an embedded broker: Kafka, topics, simulator, streams app and HTTP server.")
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Keep broker data and state here (default: a temp dir, deleted on exit).")
    Path dataDir;

    @Option(names = "--http-port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--speed", defaultValue = "1440", description = "Simulated seconds per wall-clock second (default: ${DEFAULT-VALUE} = one day a minute).")
    double speed;

    @Option(names = "--seed", defaultValue = "42", description = "Simulator random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        long begin = System.nanoTime();
        boolean temporary = dataDir == null;
        Path root = temporary ? Files.createTempDirectory("caseflow-demo-") : dataDir;
        EmbeddedKafka kafka = EmbeddedKafka.start(temporary ? null : root.resolve("kafka"));
        CaseflowConfig config;
        try {
            config = demoConfig(kafka.bootstrapServers(), root.resolve("state"));
        } catch (InvalidConfigException e) {
            kafka.close();
            spec.commandLine().getErr().println("caseflow demo: " + e.getMessage());
            return CaseflowCli.EXIT_BAD_INPUT;
        }
        CaseflowRuntime runtime;
        try {
            try (Admin admin = Admin.create(AdminProps.of(config))) {
                new TopicAdmin(admin).ensure(TopicSpec.all(config));
            }
            runtime = CaseflowRuntime.start(config);
        } catch (RuntimeException e) {
            // e.g. seeds not found: stop the broker we started before reporting.
            kafka.close();
            if (temporary) {
                deleteQuietly(root);
            }
            throw e;
        }
        AutoCloseable simulator = startSimulator(config, out);
        ScheduledExecutorService summary = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "demo-summary"));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("caseflow demo: stopping...");
            out.flush();
            summary.shutdownNow();
            closeQuietly(simulator);
            runtime.close();
            kafka.close();
            if (temporary) {
                deleteQuietly(root);
            }
            stopped.countDown();
        }, "demo-shutdown"));

        runtime.app().awaitRunning(Duration.ofMinutes(2));
        double seconds = (System.nanoTime() - begin) / 1e9;
        String base = "http://localhost:" + config.httpPort();
        out.printf(Locale.ROOT, "%nCaseflow demo ready in %.1f s (broker %d ms). Kafka: %s%n", seconds, kafka.startMillis(), kafka.bootstrapServers());
        out.println("  " + base + "/health/ready");
        out.println("  " + base + "/metrics");
        out.println("  " + base + "/api/v1/courts/%E6%B9%9802/at-risk?withinDays=15   (湘02)");
        out.println("  " + base + "/api/v1/alerts/stream");
        out.println("Ctrl-C stops everything.");
        out.flush();
        summary.scheduleAtFixedRate(() -> {
            out.println("[" + runtime.app().state() + "] " + MetricsSummary.line(runtime.registry()));
            out.flush();
        }, 10, 10, TimeUnit.SECONDS);
        stopped.await();
        return CaseflowCli.EXIT_OK;
    }

    private CaseflowConfig demoConfig(String bootstrap, Path stateDir) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("kafka.bootstrap.servers", bootstrap);
        settings.put("caseflow.application.id", "caseflow-demo");
        settings.put("caseflow.http.port", String.valueOf(httpPort));
        settings.put("caseflow.state.dir", stateDir.toString());
        settings.put("caseflow.clock.mode", "EVENT_TIME");
        settings.put("caseflow.topic.replication", "1");
        String seeds = System.getenv("CASEFLOW_SEEDS");
        if (seeds != null && !seeds.isBlank()) {
            settings.put("caseflow.seeds", seeds);
        }
        return CaseflowConfig.of(settings);
    }

    /**
     * HOOK (simulator, issue 5): when {@code org.caseflow.streams.runtime.simulator} is merged, start it
     * here on its own thread, paced by {@code speed} and seeded by {@code seed}, producing to the input
     * topics of {@code config.topics()}; return it as the AutoCloseable that stops it.
     */
    private AutoCloseable startSimulator(CaseflowConfig config, PrintWriter out) {
        out.println("caseflow demo: simulator not wired yet (speed " + speed + ", seed " + seed
                + "); input topics " + config.topics().inputs() + " on " + config.bootstrapServers());
        return () -> { };
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("caseflow demo: " + e.getMessage());
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("caseflow demo: could not delete " + dir + ": " + e.getMessage());
        }
    }
}
