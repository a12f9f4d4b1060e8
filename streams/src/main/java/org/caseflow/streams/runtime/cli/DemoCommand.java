package org.caseflow.streams.runtime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
import org.caseflow.streams.domain.seeds.Seeds;
import org.caseflow.streams.runtime.app.StoreQueries;
import org.caseflow.streams.runtime.app.SimulatorFeed;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.config.InvalidConfigException;
import org.caseflow.streams.runtime.kafka.AdminProps;
import org.caseflow.streams.runtime.kafka.EmbeddedKafka;
import org.caseflow.streams.runtime.kafka.TopicAdmin;
import org.caseflow.streams.runtime.kafka.TopicSpec;
import org.caseflow.streams.runtime.metrics.MetricsSummary;
import picocli.CommandLine;
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
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Keep broker data and state here (default: a temp dir, deleted on exit).")
    Path dataDir;

    @Option(names = "--http-port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--speed", defaultValue = "7200",
            description = "Simulated seconds per wall-clock second (default: ${DEFAULT-VALUE} = a simulated day every 12 s).")
    double speed;

    @Option(names = "--warm-up-days", defaultValue = "120",
            description = "Simulated days sent at once at start, so courts start populated (default: ${DEFAULT-VALUE}).")
    int warmUpDays;

    @Option(names = "--scale", defaultValue = "0.2",
            description = "Simulator volume, 1.0 = realistic Zhuzhou volumes (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--seed", defaultValue = "42", description = "Simulator random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (!(speed > 0) || !(scale > 0 && scale <= 1000) || warmUpDays < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--speed must be > 0, --scale in (0, 1000]"
                    + " and --warm-up-days >= 0; got " + speed + ", " + scale + ", " + warmUpDays);
        }
        long begin = System.nanoTime();
        boolean temporary = dataDir == null;
        Path root = temporary ? Files.createTempDirectory("caseflow-demo-") : dataDir;
        Stack stack = new Stack(root, temporary);
        try {
            stack.kafka = EmbeddedKafka.start(temporary ? null : root.resolve("kafka"));
            CaseflowConfig config = demoConfig(stack.kafka.bootstrapServers(), root.resolve("state"));
            try (Admin admin = Admin.create(AdminProps.of(config))) {
                new TopicAdmin(admin).ensure(TopicSpec.all(config));
            }
            // At-risk days count from the simulated day once the simulator runs.
            Seeds seeds = Seeds.load(config.seedsDir());
            stack.runtime = CaseflowRuntime.start(config, streams -> new StoreQueries(streams, seeds, stack::now));
            stack.simulator = startSimulator(config, out);
        } catch (RuntimeException e) {
            stack.close(); // e.g. seeds not found: stop what started before reporting
            if (e instanceof InvalidConfigException) {
                spec.commandLine().getErr().println("caseflow demo: " + e.getMessage());
                return CaseflowCli.EXIT_BAD_INPUT;
            }
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("caseflow demo: stopping...");
            out.flush();
            stack.close();
            stopped.countDown();
        }, "demo-shutdown"));

        stack.runtime.app().awaitRunning(Duration.ofMinutes(2));
        printUrls(out, stack, (System.nanoTime() - begin) / 1e9);
        stack.summary.scheduleAtFixedRate(() -> {
            out.println("[" + stack.runtime.app().state() + " | sim " + stack.today() + " | sent " + stack.simulator.eventsSent()
                    + "] " + MetricsSummary.line(stack.runtime.registry()));
            out.flush();
        }, 10, 10, TimeUnit.SECONDS);
        stopped.await();
        return CaseflowCli.EXIT_OK;
    }

    private static void printUrls(PrintWriter out, Stack stack, double seconds) {
        String base = "http://localhost:" + stack.runtime.http().port();
        out.printf(Locale.ROOT, "%nCaseflow demo ready in %.1f s (broker %d ms). Kafka: %s%n", seconds,
                stack.kafka.startMillis(), stack.kafka.bootstrapServers());
        out.println("  " + base + "/health/ready");
        out.println("  " + base + "/metrics");
        out.println("  " + base + "/api/v1/courts/%E6%B9%9802/at-risk?withinDays=15   (湘02)");
        out.println("  " + base + "/api/v1/alerts/stream   (curl -N -H 'Accept: text/event-stream' ...)");
        out.println("Ctrl-C stops everything.");
        out.flush();
    }

    /** What the demo started, closed in reverse order (each part may be missing after a failed start). */
    private static final class Stack {
        final Path root;
        final boolean temporary;
        final ScheduledExecutorService summary = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "demo-summary");
            thread.setDaemon(true);
            return thread;
        });
        EmbeddedKafka kafka;
        CaseflowRuntime runtime;
        volatile SimulatorFeed simulator;

        Stack(Path root, boolean temporary) {
            this.root = root;
            this.temporary = temporary;
        }

        /** The simulated instant once the simulator runs, else the wall clock. */
        Instant now() {
            Instant simulated = simulator == null ? null : simulator.simulatedNow();
            return simulated == null ? Instant.now() : simulated;
        }

        LocalDate today() {
            Instant now = simulator == null ? null : simulator.simulatedNow();
            return LocalDate.ofInstant(now == null ? Instant.now() : now, SHANGHAI);
        }

        void close() {
            summary.shutdownNow();
            if (simulator != null) {
                closeQuietly(simulator);
            }
            if (runtime != null) {
                runtime.close();
            }
            if (kafka != null) {
                kafka.close();
            }
            if (temporary) {
                deleteQuietly(root);
            }
        }
    }

    private CaseflowConfig demoConfig(String bootstrap, Path stateDir) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("kafka.bootstrap.servers", bootstrap);
        settings.put("caseflow.application.id", "caseflow-demo");
        settings.put("caseflow.http.port", String.valueOf(httpPort));
        settings.put("caseflow.state.dir", stateDir.toString());
        settings.put("caseflow.clock.mode", "EVENT_TIME");
        settings.put("caseflow.topic.replication", "1");
        return CaseflowConfig.of(settings); // seeds: the default ($CASEFLOW_SEEDS, the launcher's, ./seeds)
    }

    private SimulatorFeed startSimulator(CaseflowConfig config, PrintWriter out) {
        SimulatorFeed feed = SimulatorFeed.start(config.bootstrapServers(), config.topics(), config.seedsDir(), seed,
                speed, Duration.ofDays(warmUpDays), scale);
        out.printf(Locale.ROOT, "caseflow demo: simulator running (seed %d, %.0f simulated s per s, %d days of warm-up, scale %.2f)%n",
                seed, speed, warmUpDays, scale);
        return feed;
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
