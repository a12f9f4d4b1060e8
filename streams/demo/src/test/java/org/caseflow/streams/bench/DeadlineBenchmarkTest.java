package org.caseflow.streams.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.caseflow.streams.domain.cases.CaseEngine;
import org.caseflow.streams.domain.seeds.Seeds;
import org.caseflow.streams.domain.seeds.TestSeeds;
import org.caseflow.streams.runtime.cli.CaseflowCli;
import org.caseflow.streams.topology.CaseflowTopology;
import org.caseflow.streams.topology.StoreNames;
import org.caseflow.streams.topology.TopologySettings;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3 figures: the tick costs what is due, not what is open; replay throughput and peak heap.
 * Run: {@code mvn -B -Pbenchmark -pl streams -am test -Dtest='DeadlineBenchmarkTest' -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class DeadlineBenchmarkTest {
    static final Seeds SEEDS = TestSeeds.load(Path.of("seeds"));
    static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");

    @TempDir
    Path dir;

    /** Mean microseconds of a tick that finds nothing due, with {@code open} cases indexed for later. */
    double tickMicros(int open, Path stateDir) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "bench:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        try (TopologyTestDriver driver = new TopologyTestDriver(CaseflowTopology.build(TopologySettings.defaults(),
                new CaseEngine(SEEDS, CaseEngine.Settings.defaults()), new SimpleMeterRegistry()), props, NOW)) {
            KeyValueStore<String, String> due = driver.getKeyValueStore(StoreNames.DUE_INDEX);
            // Every open case has its next threshold between 1 and 180 days ahead: nothing is due now.
            for (int i = 0; i < open; i++) {
                Instant at = NOW.plus(Duration.ofMinutes(1440L + (i * 7919L) % (180L * 1440)));
                due.put(String.format("%016d|case-%07d", at.toEpochMilli(), i), "");
            }
            int ticks = 2_000;
            for (int i = 0; i < 200; i++) {
                driver.advanceWallClockTime(Duration.ofSeconds(1)); // warm-up
            }
            long start = System.nanoTime();
            for (int i = 0; i < ticks; i++) {
                driver.advanceWallClockTime(Duration.ofSeconds(1));
            }
            return (System.nanoTime() - start) / 1e3 / ticks;
        }
    }

    @Test
    void shouldTickInTimeThatFollowsWhatIsDueNotWhatIsOpen() throws Exception {
        double small = tickMicros(10_000, Files.createDirectory(dir.resolve("small")));
        double large = tickMicros(1_000_000, Files.createDirectory(dir.resolve("large")));
        System.out.printf(Locale.ROOT, "tick with no due work: 10k open %.1f µs, 1M open %.1f µs, ratio %.2f%n",
                small, large, large / small);
        assertThat(large / small).isLessThanOrEqualTo(2.0);
    }

    @Test
    void shouldReplayAMillionEvents() throws Exception {
        Path events = dir.resolve("events.jsonl");
        assertThat(CaseflowCli.execute("simulate", "--seed", "7", "--start", "2025-01-01", "--days", "420",
                "--out", events.toString(), "--max-events", "1000000")).isZero();
        long lines = Files.lines(events).count();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        int exit = CaseflowCli.execute("replay", events.toString(), "--as-of", "2026-03-01",
                "--cases-out", dir.resolve("cases.jsonl").toString(), "--alerts-out", dir.resolve("alerts.jsonl").toString());
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf(Locale.ROOT, "replay: %d events in %.1f s = %.0f events/s; peak heap (pool peaks) %d MiB;"
                + " %d cases, %d alerts%n", lines, seconds, lines / seconds, peak >> 20,
                Files.lines(dir.resolve("cases.jsonl")).count(), Files.lines(dir.resolve("alerts.jsonl")).count());
        assertThat(exit).isZero();
    }
}
