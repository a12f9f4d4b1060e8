package org.caseflow.streams.runtime.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.streams.KafkaStreams;
import org.caseflow.CaseflowException;
import org.caseflow.streams.runtime.app.CaseflowApp;
import org.caseflow.streams.runtime.config.CaseflowConfig;

/**
 * The production streams app (topology, exactly-once settings, RocksDB memory budget) on its own application id,
 * topic prefix and state directory, as a bench phase runs it; on event time like the demo.
 */
final class BenchApp implements AutoCloseable {
    final CaseflowConfig config;
    final CaseflowApp app;
    final Path stateDir;
    private int rebalances;
    private KafkaStreams.State last = KafkaStreams.State.CREATED;
    private Map<String, Double> ratiosWhenCaughtUp = Map.of();

    BenchApp(String bootstrap, String name, Path stateDir, Map<String, String> extra) {
        this.stateDir = stateDir;
        this.config = config(bootstrap, name, stateDir, extra);
        this.app = CaseflowApp.create(config, new SimpleMeterRegistry());
    }

    /** The configuration of a bench app named {@code name}: its own application id, topic prefix and state dir. */
    static CaseflowConfig config(String bootstrap, String name, Path stateDir, Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>();
        settings.put("kafka.bootstrap.servers", bootstrap);
        settings.put("caseflow.application.id", name);
        settings.put("caseflow.topic.prefix", name + ".");
        settings.put("caseflow.state.dir", stateDir.toString());
        settings.put("caseflow.clock.mode", "EVENT_TIME");
        settings.put("caseflow.topic.replication", "1");
        settings.putAll(extra);
        return CaseflowConfig.of(settings);
    }

    /** Starts the app and waits for RUNNING; where the round's clock starts ({@link RunningClock}). */
    RunningClock start() throws InterruptedException {
        app.start();
        RunningClock clock = RunningClock.await(app.kafkaStreams(), "the streams app");
        last = app.state();
        return clock;
    }

    /** Polls the client state; counts every move into REBALANCING since the last call to {@link #resetRebalances}. */
    void observe() {
        KafkaStreams.State now = app.state();
        if (now == KafkaStreams.State.REBALANCING && last != KafkaStreams.State.REBALANCING) {
            rebalances++;
        }
        last = now;
    }

    int rebalances() {
        return rebalances;
    }

    void resetRebalances() {
        rebalances = 0;
    }

    /**
     * Waits until the app's group has committed every input record and its internal topics (links, facts, read
     * back by the app) have stopped moving for two seconds: transactional logs end with commit markers a consumer
     * never commits past, so "committed = end" is only exact for the inputs. Returns {@link System#nanoTime} of the
     * moment it was caught up (the last movement seen), so the two quiet seconds are not counted as work.
     */
    long awaitCaughtUp(BenchCluster cluster, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<String> inputs = Set.copyOf(config.topics().names().inputs());
        Set<String> internal = Set.of(config.topics().names().caseLinks(), config.topics().names().caseFacts());
        long lastCommitted = -1;
        long stableSince = System.nanoTime();
        long inputsDoneAt = -1;
        while (System.nanoTime() < deadline) {
            observe();
            long inputLag = cluster.lag(config.streams().applicationId(), inputs);
            if (inputLag == 0 && inputsDoneAt < 0) {
                inputsDoneAt = System.nanoTime();
                ratiosWhenCaughtUp = threadRatios();
            }
            long committed = cluster.committedSum(config.streams().applicationId(), internal);
            if (committed != lastCommitted) {
                lastCommitted = committed;
                stableSince = System.nanoTime();
            }
            // At most one commit marker per internal partition may lie past what the group committed.
            boolean internalDone = cluster.lag(config.streams().applicationId(), internal) <= 2L * config.topics().partitions();
            if (inputLag == 0 && internalDone && System.nanoTime() - stableSince > Duration.ofSeconds(2).toNanos()) {
                return Math.max(inputsDoneAt, stableSince);
            }
            Thread.sleep(200);
        }
        throw new CaseflowException("bench: the app did not catch up within " + timeout + " (input lag "
                + cluster.lag(config.streams().applicationId(), inputs) + ")");
    }

    /**
     * Kafka Streams' stream-thread ratios (poll, process, punctuate, commit: fractions of wall time over the metrics'
     * sample window), summed over the threads, taken when the inputs were first read to the end.
     */
    Map<String, Double> threadRatiosWhenCaughtUp() {
        return ratiosWhenCaughtUp;
    }

    /** CPU time used so far by this app's stream threads. */
    long streamThreadCpuNanos() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long total = 0;
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(config.streams().applicationId())
                    && ThreadCpu.isStreamThread(info.getThreadName())) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    Map<String, Double> threadRatios() {
        Map<String, Double> ratios = new TreeMap<>();
        app.kafkaStreams().metrics().forEach((name, metric) -> {
            if ("stream-thread-metrics".equals(name.group()) && name.name().endsWith("-ratio")
                    && metric.metricValue() instanceof Double v && !v.isNaN()) {
                ratios.merge(name.name(), v, Double::sum);
            }
        });
        return ratios;
    }

    @Override
    public void close() {
        app.close();
    }
}
