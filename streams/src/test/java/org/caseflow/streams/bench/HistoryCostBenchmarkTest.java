package org.caseflow.streams.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.EnforcementPayment;
import org.caseflow.events.Procedure;
import org.caseflow.schemas.CaseflowSerdes;
import org.caseflow.streams.domain.cases.CaseEngine;
import org.caseflow.streams.domain.cases.TestEvents;
import org.caseflow.streams.domain.seeds.Seeds;
import org.caseflow.streams.topology.CaseflowTopology;
import org.caseflow.streams.topology.ClockMode;
import org.caseflow.streams.topology.TopicNames;
import org.caseflow.streams.topology.TopologySettings;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-event cost against the length of a case's history: in each round a fresh enforcement case with 5 and
 * one with 500 payments already applied (untimed) each take 20 more, timed (RocksDB stores, one run, rounds
 * interleaved so machine drift hits both). Prints µs per event and the ratio (target ≤ 1.5); asserts nothing. Run:
 * {@code mvn -B -Pbenchmark -pl streams -am test -Dtest=HistoryCostBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class HistoryCostBenchmarkTest {
    static final Seeds SEEDS = Seeds.load(Path.of("seeds"));
    static final LocalDate FILED = LocalDate.of(2025, 1, 6);

    @TempDir
    Path dir;

    /** One driver; each {@link #fresh} case gets {@code history} payments, then {@link #next} times more. */
    static final class Case implements AutoCloseable {
        final TopologyTestDriver driver;
        final TestInputTopic<String, CaseEvent> enforcement;
        final TestInputTopic<String, CaseEvent> filings;
        final String name;
        final int history;
        String id;
        int paid;
        int cases;

        Case(Path dir, String name, int history) {
            this.name = name;
            this.history = history;
            Properties props = new Properties();
            props.put(StreamsConfig.APPLICATION_ID_CONFIG, "history-" + name);
            props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "bench:9092");
            props.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve(name).toString());
            TopologySettings settings = TopologySettings.defaults().withClockMode(ClockMode.EVENT_TIME);
            driver = new TopologyTestDriver(CaseflowTopology.build(settings,
                    new CaseEngine(SEEDS, CaseEngine.Settings.defaults()), new SimpleMeterRegistry()), props,
                    Instant.EPOCH);
            filings = driver.createInputTopic(TopicNames.DEFAULT.caseFilings(), new StringSerializer(),
                    CaseflowSerdes.caseEvent().serializer());
            enforcement = driver.createInputTopic(TopicNames.DEFAULT.enforcement(), new StringSerializer(),
                    CaseflowSerdes.caseEvent().serializer());
        }

        /** A new case with {@code history} payments applied. */
        void fresh() {
            id = "(2025)湘0211执" + name + "-" + cases++ + "号";
            paid = 0;
            CaseEvent filing = TestEvents.filed("f", id, Procedure.ENFORCEMENT, FILED);
            filings.pipeInput(id, filing, filing.getOccurredAt());
            next(history);
        }

        /** Applies {@code n} more payments (the day after the filing, ids in order: canonical order) and returns the ns. */
        long next(int n) {
            LocalDate day = FILED.plusDays(1);
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                CaseEvent pay = TestEvents.event(String.format("p%07d", paid++), id, day, EnforcementPayment.newBuilder()
                        .setAmount(new BigDecimal("10.00")).setPaidOn(day).build());
                enforcement.pipeInput(id, pay, pay.getOccurredAt());
            }
            return System.nanoTime() - start;
        }

        @Override
        public void close() {
            driver.close();
        }
    }

    @Test
    void shouldPrintPerEventCostWithShortAndLongHistories() {
        try (Case shortCase = new Case(dir, "5", 5); Case longCase = new Case(dir, "500", 500)) {
            shortCase.fresh(); // warm-up, both
            shortCase.next(500);
            longCase.fresh();
            long shortNs = 0;
            long longNs = 0;
            int rounds = 10;
            int perRound = 20;
            for (int r = 0; r < rounds; r++) {
                shortCase.fresh();
                shortNs += shortCase.next(perRound);
                longCase.fresh();
                longNs += longCase.next(perRound);
            }
            double shortUs = shortNs / 1e3 / (rounds * perRound);
            double longUs = longNs / 1e3 / (rounds * perRound);
            System.out.printf(Locale.ROOT, "history cost: 5-event history %.1f µs/event, 500-event history %.1f "
                    + "µs/event, ratio %.2f (target ≤ 1.5)%n", shortUs, longUs, longUs / shortUs);
        }
    }
}
