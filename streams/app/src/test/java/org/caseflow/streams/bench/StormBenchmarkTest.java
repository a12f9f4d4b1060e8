package org.caseflow.streams.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.DeadlineAlert;
import org.caseflow.events.Procedure;
import org.caseflow.streams.domain.cases.CaseEngine;
import org.caseflow.streams.domain.cases.TestEvents;
import org.caseflow.streams.domain.seeds.Seeds;
import org.caseflow.streams.domain.seeds.TestSeeds;
import org.caseflow.streams.topology.CaseflowTopology;
import org.caseflow.streams.topology.ClockMode;
import org.caseflow.streams.topology.TopologySettings;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.caseflow.streams.topology.Topics;
import org.caseflow.streams.topology.TopicHandles;

/**
 * The cost of one timer in a midnight storm, in process (no broker, RocksDB stores): N cases filed the same
 * day cross NOTICE at one midnight. Prints µs per crossing; asserts nothing. Run:
 * {@code mvn -B -Pbenchmark -pl streams -am test -Dtest=StormBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class StormBenchmarkTest {
    static final Seeds SEEDS = TestSeeds.load(Path.of("seeds"));

    @TempDir
    Path dir;

    @Test
    void shouldPrintTheCostOfOneCrossing() {
        int cases = Integer.getInteger("storm.cases", 50_000);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "storm-bench");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "bench:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString());
        TopologySettings settings = TopologySettings.defaults().withClockMode(ClockMode.EVENT_TIME)
                .withTickMaxTimers(Integer.MAX_VALUE);
        LocalDate filed = LocalDate.of(2025, 3, 3);
        try (TopologyTestDriver driver = new TopologyTestDriver(CaseflowTopology.build(settings,
                new CaseEngine(SEEDS, CaseEngine.Settings.defaults()), new SimpleMeterRegistry()), props,
                Instant.EPOCH)) {
            TestInputTopic<String, CaseEvent> in = TopicHandles.input(driver, Topics.DEFAULT.caseFilings());
            TestOutputTopic<String, DeadlineAlert> alerts = TopicHandles.output(driver, Topics.DEFAULT.deadlineAlerts());
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long t0 = System.nanoTime();
            for (int i = 0; i < cases; i++) {
                CaseEvent e = TestEvents.filed("f" + i, "(2025)湘0211民初" + i + "号", Procedure.CIVIL_FIRST_SUMMARY,
                        filed);
                in.pipeInput(e.getCaseId(), e, e.getOccurredAt());
            }
            long t1 = System.nanoTime();
            long cpu1 = threads.getCurrentThreadCpuTime();
            // NOTICE of CPL 164's 3 months (due 2025-06-03) is crossed at 2025-05-19 00:00 for every case.
            in.pipeInput("__clock__", null, TestEvents.midnight(LocalDate.of(2025, 5, 19)).plusSeconds(1));
            long t2 = System.nanoTime();
            long cpu2 = threads.getCurrentThreadCpuTime();
            long fired = alerts.getQueueSize();
            // CPU time of this thread too: wall time is at the mercy of whatever else the machine runs.
            System.out.printf(Locale.ROOT, "storm bench: %,d filings %.1f µs each; %,d crossings %.1f µs each "
                    + "(%.1f µs CPU)%n", cases, (t1 - t0) / 1e3 / cases, fired, (t2 - t1) / 1e3 / Math.max(1, fired),
                    (cpu2 - cpu1) / 1e3 / Math.max(1, fired));
        }
    }
}
