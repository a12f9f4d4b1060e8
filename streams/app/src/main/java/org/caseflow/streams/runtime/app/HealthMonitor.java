package org.caseflow.streams.runtime.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.http.Readiness;
import org.caseflow.streams.runtime.kafka.AdminProps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches Kafka for a running instance. Every {@code caseflow.readiness.check.interval.ms} (and at once when Kafka
 * Streams becomes RUNNING) it asks the cluster to describe itself, bounded by {@code caseflow.kafka.connect.timeout.ms},
 * and while RUNNING measures the input lag ({@link InputLag}). Readiness is decided from what it saw
 * ({@link ReadinessRule}). Kafka Streams itself retries an unreachable cluster forever, looking merely
 * "REBALANCING"; after {@code caseflow.kafka.unreachable.timeout.ms} without an answer this monitor logs an error
 * and gives up once through the callback, and {@code caseflow run} exits 1.
 */
final class HealthMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HealthMonitor.class);

    private final CaseflowConfig config;
    private final KafkaStreams streams;
    private final Consumer<String> giveUp;
    private final Admin admin;
    private final InputLag inputLag;
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "caseflow-health");
        thread.setDaemon(true);
        return thread;
    });
    /** Bumped at every Streams state change: a lag measured across one belongs to another assignment. */
    private final AtomicLong generation = new AtomicLong();
    private volatile KafkaObservation seen = KafkaObservation.NONE;
    private boolean gaveUp;
    private boolean wasReady;

    HealthMonitor(CaseflowConfig config, KafkaStreams streams, Consumer<String> giveUp) {
        this.config = config;
        this.streams = streams;
        this.giveUp = giveUp;
        Map<String, Object> props = AdminProps.of(config);
        int timeout = (int) config.connection().connectTimeout().toMillis();
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
        this.admin = Admin.create(props);
        this.inputLag = new InputLag(admin, config.streams().applicationId(), config.connection().connectTimeout());
    }

    void start() {
        executor.scheduleWithFixedDelay(this::check, 0, config.connection().readinessCheckInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** From the Streams state listener (a stream thread): forget the lag, and measure again at once when RUNNING. */
    void onStateChange(KafkaStreams.State newState) {
        generation.incrementAndGet();
        seen = seen.withLag(null);
        if (newState == KafkaStreams.State.RUNNING) {
            try {
                executor.execute(this::check);
            } catch (RejectedExecutionException e) {
                // closing: nothing to measure any more
            }
        }
    }

    Readiness readiness() {
        return ReadinessRule.decide(streams.state(), seen, config.connection().readinessMaxLag(), config.bootstrapServers(),
                clock.instant());
    }

    /** Never throws: an exception would end the scheduled checks for good. */
    private void check() {
        try {
            long current = generation.get();
            Instant now = clock.instant();
            String problem = reach();
            if (problem != null) {
                unreachable(problem, now);
            } else {
                if (seen.unreachableSince() != null) {
                    LOG.info("Kafka at {} answers again", config.bootstrapServers());
                }
                Long lag = measureLag();
                seen = new KafkaObservation(null, null, current == generation.get() ? lag : null);
            }
            logReadinessChange();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("health check failed: {}", e.toString());
        }
    }

    /** Null when the cluster answered, else why not. */
    private String reach() throws InterruptedException {
        Duration timeout = config.connection().connectTimeout();
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis())).nodes()
                    .get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException
                    ? "no broker answered within " + timeout.toSeconds() + " s"
                    : e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage();
        } catch (TimeoutException e) {
            return "no broker answered within " + timeout.toSeconds() + " s";
        }
    }

    private void unreachable(String problem, Instant now) {
        Instant since = seen.unreachableSince() == null ? now : seen.unreachableSince();
        if (seen.unreachableSince() == null) {
            LOG.warn("Kafka at {} does not answer: {}", config.bootstrapServers(), problem);
        }
        seen = new KafkaObservation(since, problem, null);
        Duration limit = config.connection().unreachableTimeout();
        Duration down = Duration.between(since, now);
        if (!gaveUp && !limit.isZero() && down.compareTo(limit) >= 0) {
            gaveUp = true;
            String reason = "Kafka at " + config.bootstrapServers() + " unreachable for " + down.toSeconds()
                    + " s (since " + since + ", limit caseflow.kafka.unreachable.timeout.ms = " + limit.toSeconds()
                    + " s): " + problem;
            LOG.error("{}; giving up", reason);
            giveUp.accept(reason);
        }
    }

    /** Null when not RUNNING or not measurable now (e.g. the group coordinator is moving). */
    private Long measureLag() throws InterruptedException {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return null;
        }
        try {
            Set<TopicPartition> partitions = streams.metadataForLocalThreads().stream()
                    .flatMap(thread -> thread.activeTasks().stream())
                    .flatMap(task -> task.topicPartitions().stream())
                    .collect(Collectors.toSet());
            return inputLag.measure(partitions);
        } catch (ExecutionException | TimeoutException | IllegalStateException e) {
            LOG.debug("input lag not measured: {}", e.toString());
            return null;
        }
    }

    private void logReadinessChange() {
        Readiness readiness = readiness();
        if (readiness.ready() != wasReady) {
            wasReady = readiness.ready();
            LOG.info("{}: {}", wasReady ? "ready" : "not ready", readiness.reason());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        admin.close(Duration.ofSeconds(1));
    }
}
