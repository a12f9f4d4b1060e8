package org.caseflow.streams.runtime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.caseflow.streams.runtime.app.CaseflowRuntime;
import org.caseflow.streams.runtime.app.StoreQueries;
import org.caseflow.streams.runtime.app.SimulatorFeed;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.config.InvalidConfigException;
import org.caseflow.streams.runtime.config.TokenHash;
import org.caseflow.streams.runtime.http.Readiness;
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
    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Keep broker data and state here (default: a temp dir, deleted on exit).")
    Path dataDir;

    @Option(names = "--http-port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--http-host", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "Interface the HTTP server listens on (default: ${DEFAULT-VALUE}, this machine only). On any other"
                    + " address the demo makes a random token for every court and prints it once.")
    String httpHost;

    /** Made when the demo listens beyond loopback: nobody else may read it without a token. */
    private String demoToken;

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
        long begin = System.nanoTime();
        if (!(speed > 0) || !(scale > 0 && scale <= 1000) || warmUpDays < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--speed must be > 0, --scale in (0, 1000]"
                    + " and --warm-up-days >= 0; got " + speed + ", " + scale + ", " + warmUpDays);
        }
        // Everything that can be refused is refused before the broker starts (the real address comes later).
        List<String> problems;
        try {
            problems = DemoPreflight.problems(demoConfig("localhost:9092", Path.of("state")), dataDir);
        } catch (InvalidConfigException e) {
            // The demo's only user-set key is the port: name the option, not the key behind it.
            problems = e.problems().stream().map(p -> p.replace("caseflow.http.port:", "--http-port:")
                    .replace("caseflow.http.host:", "--http-host:")).toList();
        }
        if (!problems.isEmpty()) {
            problems.forEach(problem -> spec.commandLine().getErr().println("caseflow demo: " + problem));
            return CaseflowCli.EXIT_BAD_INPUT;
        }
        boolean temporary = dataDir == null;
        Path root = temporary ? Files.createTempDirectory("caseflow-demo-") : dataDir;
        DemoStack stack = new DemoStack(root, temporary);
        try {
            stack.kafka = EmbeddedKafka.start(temporary ? null : root.resolve("kafka"));
            CaseflowConfig config = demoConfig(stack.kafka.bootstrapServers(), root.resolve("state"));
            try (Admin admin = Admin.create(AdminProps.of(config))) {
                new TopicAdmin(admin).ensure(TopicSpec.all(config));
            }
            // At-risk days count from the simulated day once the simulator runs.
            stack.runtime = CaseflowRuntime.start(config,
                    (streams, reference) -> new StoreQueries(streams, reference, stack::now));
            stack.simulator = startSimulator(config, out);
        } catch (RuntimeException e) {
            stack.close(); // stop what started before reporting
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
        announceCaughtUp(out, stack, begin);
        stack.summary.scheduleAtFixedRate(() -> {
            Readiness readiness = stack.runtime.app().readiness();
            out.println("[" + readiness.state() + (readiness.ready() ? " | ready" : " | not ready")
                    + (readiness.lag() == null ? "" : String.format(Locale.ROOT, " | lag %,d", readiness.lag()))
                    + " | sim " + stack.today() + " | sent " + stack.simulator.eventsSent() + "] "
                    + MetricsSummary.line(stack.runtime.registry()));
            out.flush();
        }, 10, 10, TimeUnit.SECONDS);
        stopped.await();
        return CaseflowCli.EXIT_OK;
    }

    /**
     * The warm-up is sent at once, so the app starts far behind its inputs and /health/ready says "catching up" until
     * it is within caseflow.readiness.max.lag: say when that happens, once.
     */
    private static void announceCaughtUp(PrintWriter out, DemoStack stack, long begin) {
        ScheduledFuture<?>[] watch = new ScheduledFuture<?>[1];
        watch[0] = stack.summary.scheduleWithFixedDelay(() -> {
            Readiness readiness = stack.runtime.app().readiness();
            if (readiness.ready() && watch[0] != null) {
                out.printf(Locale.ROOT, "Caseflow demo caught up with its inputs %.1f s after start (/health/ready 200,"
                        + " %,d records behind)%n", (System.nanoTime() - begin) / 1e9, readiness.lag());
                out.flush();
                watch[0].cancel(false);
            }
        }, 200, 200, TimeUnit.MILLISECONDS);
    }

    static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
    }

    private void printUrls(PrintWriter out, DemoStack stack, double seconds) {
        String base = "http://" + (isLoopback(httpHost) ? "localhost" : httpHost) + ":" + stack.runtime.http().port();
        out.printf(Locale.ROOT, "%nCaseflow demo ready in %.1f s (broker %d ms). Kafka: %s%n", seconds,
                stack.kafka.startMillis(), stack.kafka.bootstrapServers());
        out.println("  " + base + "/health/ready");
        out.println("  " + base + "/metrics");
        out.println("  " + base + "/api/v1/courts/%E6%B9%9802/at-risk?withinDays=15   (湘02)");
        out.println("  " + base + "/api/v1/alerts/stream   (curl -N -H 'Accept: text/event-stream' ...)");
        if (demoToken != null) {
            out.println("  listening on " + httpHost + ": every request needs 'Authorization: Bearer " + demoToken + "'"
                    + " (this run's token, every court and /metrics; the page asks for it)");
        }
        out.println("Ctrl-C stops everything.");
        out.flush();
    }

    private CaseflowConfig demoConfig(String bootstrap, Path stateDir) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("kafka.bootstrap.servers", bootstrap);
        settings.put("caseflow.application.id", "caseflow-demo");
        settings.put("caseflow.http.port", String.valueOf(httpPort));
        settings.put("caseflow.http.host", httpHost);
        if (isLoopback(httpHost)) {
            // Only this machine can connect: the demo stays open (HttpAuth logs one WARN line saying so).
            settings.put("caseflow.http.auth", "none");
        } else {
            if (demoToken == null) {
                demoToken = TokenHash.newToken();
            }
            // Few iterations: the demo's token is random and lives as long as the process.
            settings.put("caseflow.api.tokens", TokenHash.of(demoToken, 1_000).written() + ":*");
        }
        settings.put("caseflow.state.dir", stateDir.toString());
        settings.put("caseflow.clock.mode", "EVENT_TIME");
        settings.put("caseflow.topic.replication", "1");
        // One instance with one stream thread gains nothing from more partitions, and each partition is three tasks
        // whose RocksDB stores open one after another before the app runs: 3 instead of 6 starts it seconds sooner.
        settings.put("caseflow.topic.partitions", "3");
        // One produce request in flight per broker for the app's transactional producers. With more, the first batches
        // of a transaction to a partition can be refused with CONCURRENT_TRANSACTIONS (the previous transaction's
        // markers are still being written) while later batches of it go ahead; the broker then refuses those as
        // OutOfOrderSequenceException ("Expected sequence 0 for transactions v2 ... producer with no existing
        // state") and logs each at ERROR before the producer retries them in order. The embedded broker logs to the
        // demo's console: this keeps it clean at no cost worth measuring on one local broker.
        settings.put("kafka.producer.max.in.flight.requests.per.connection", "1");
        return CaseflowConfig.of(settings); // seeds: the default ($CASEFLOW_SEEDS, the launcher's, ./seeds)
    }

    private SimulatorFeed startSimulator(CaseflowConfig config, PrintWriter out) {
        SimulatorFeed feed = SimulatorFeed.start(config.bootstrapServers(), config.topics().names(), config.seedsDir(), seed,
                speed, Duration.ofDays(warmUpDays), scale);
        out.printf(Locale.ROOT, "caseflow demo: simulator running (seed %d, %.0f simulated s per s, %d days of warm-up, scale %.2f)%n",
                seed, speed, warmUpDays, scale);
        return feed;
    }
}
