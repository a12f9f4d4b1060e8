package org.caseflow.streams.runtime.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.CaseFiled;
import org.caseflow.events.EnforcementPayment;
import org.caseflow.events.Procedure;
import org.caseflow.streams.runtime.app.CompositionRoot;
import org.caseflow.streams.topology.CaseflowTopology;
import org.caseflow.streams.topology.ClockMode;
import org.caseflow.streams.topology.StoreNames;
import org.caseflow.streams.topology.Topic;
import org.caseflow.streams.topology.Topics;
import org.caseflow.streams.topology.TopologySettings;

/**
 * The figures measured in process, on the production topology in TopologyTestDriver with RocksDB stores: the
 * cost of a tick with nothing due as the number of open cases grows, and the cost of an event as the length of
 * its case's history grows (CPU time of this thread, so other load on the machine does not count).
 */
final class InProcessPhases {
    private final CompositionRoot root;
    private final Figures figures;
    private final Path work;

    /** @param root the engine and topology settings of the apps the bench starts (their configuration) */
    InProcessPhases(CompositionRoot root, Figures figures, Path work) {
        this.root = root;
        this.figures = figures;
        this.work = work;
    }

    private TopologyTestDriver driver(String name, TopologySettings settings, Instant start) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, name);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "bench:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, work.resolve(name).toString());
        return new TopologyTestDriver(CaseflowTopology.build(settings,
                root.engine(), new SimpleMeterRegistry()), props, start);
    }

    /** µs per tick with nothing due, {@code open} cases indexed between 1 and 180 days ahead. */
    void ticks(List<Integer> sizes) {
        for (int open : sizes) {
            Instant now = Instant.parse("2025-06-01T00:00:00Z");
            TopologySettings settings = root.topologySettings().withClockMode(ClockMode.WALL_CLOCK)
                    .withTopics(Topics.DEFAULT.names());
            try (TopologyTestDriver driver = driver("bench-tick-" + open, settings, now)) {
                KeyValueStore<String, String> due = driver.getKeyValueStore(StoreNames.DUE_INDEX);
                for (int i = 0; i < open; i++) {
                    Instant at = now.plus(Duration.ofMinutes(1440L + (i * 7919L) % (180L * 1440)));
                    due.put(String.format("%016d|case-%07d", at.toEpochMilli(), i), "");
                }
                for (int i = 0; i < 200; i++) {
                    driver.advanceWallClockTime(settings.tickInterval()); // warm-up
                }
                int ticks = 2_000;
                long cpu = cpuNanos();
                for (int i = 0; i < ticks; i++) {
                    driver.advanceWallClockTime(settings.tickInterval());
                }
                figures.add("tick", "tick with nothing due, " + open + " open", (cpuNanos() - cpu) / 1e3 / ticks,
                        "µs CPU", "flat in open cases");
            }
        }
    }

    /** µs per event for a case with 5 and with 500 events before it (fresh cases each round, in order). */
    void history() {
        TopologySettings settings = root.topologySettings().withClockMode(ClockMode.EVENT_TIME).withTopics(Topics.DEFAULT.names())
                .withOrderGrace(Duration.ZERO);
        try (TopologyTestDriver driver = driver("bench-history", settings, Instant.EPOCH)) {
            Topic<String, CaseEvent> filings = Topics.DEFAULT.caseFilings();
            Topic<String, CaseEvent> enforcement = Topics.DEFAULT.enforcement();
            TestInputTopic<String, CaseEvent> in = driver.createInputTopic(filings.name(), filings.keySerializer(),
                    filings.valueSerializer());
            TestInputTopic<String, CaseEvent> pay = driver.createInputTopic(enforcement.name(),
                    enforcement.keySerializer(), enforcement.valueSerializer());
            long shortNs = 0;
            long longNs = 0;
            int rounds = 10;
            int measured = 20;
            for (int r = -1; r < rounds; r++) { // round -1 warms up
                long s = historyRound(in, pay, "s" + r, 5, measured);
                long l = historyRound(in, pay, "l" + r, 500, measured);
                if (r >= 0) {
                    shortNs += s;
                    longNs += l;
                }
            }
            double shortUs = shortNs / 1e3 / (rounds * measured);
            double longUs = longNs / 1e3 / (rounds * measured);
            figures.add("history", "event of a case with 5 events", shortUs, "µs CPU", "");
            figures.add("history", "event of a case with 500 events", longUs, "µs CPU", "");
            figures.add("history", "500-event / 5-event", longUs / shortUs, "ratio", "<= 1.5");
        }
    }

    /** Files a case, applies {@code history} payments, then times {@code measured} more (CPU ns). */
    private long historyRound(TestInputTopic<String, CaseEvent> in, TestInputTopic<String, CaseEvent> pay,
            String name, int history, int measured) {
        String caseId = "(2025)湘0211执" + name + "号";
        LocalDate filed = LocalDate.of(2025, 1, 6);
        Instant at = filed.atTime(10, 0).atZone(StormPhase.ZONE).toInstant();
        in.pipeInput(caseId, CaseEvent.newBuilder().setEventId("f").setCaseId(caseId).setCourt("湘0211")
                .setOccurredAt(at).setPayload(CaseFiled.newBuilder().setProcedure(Procedure.ENFORCEMENT)
                        .setFiledOn(filed).build()).build(), at);
        long spent = 0;
        for (int i = 0; i < history + measured; i++) {
            LocalDate day = filed.plusDays(1);
            Instant when = day.atTime(10, 0).atZone(StormPhase.ZONE).toInstant().plusMillis(i);
            CaseEvent e = CaseEvent.newBuilder().setEventId(String.format("p%07d", i)).setCaseId(caseId)
                    .setCourt("湘0211").setOccurredAt(when).setPayload(EnforcementPayment.newBuilder()
                            .setAmount(new BigDecimal("10.00")).setPaidOn(day).build()).build();
            long cpu = i >= history ? cpuNanos() : 0;
            pay.pipeInput(caseId, e, when);
            if (i >= history) {
                spent += cpuNanos() - cpu;
            }
        }
        return spent;
    }

    private static long cpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }
}
