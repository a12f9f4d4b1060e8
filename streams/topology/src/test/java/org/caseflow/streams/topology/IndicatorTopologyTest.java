package org.caseflow.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.caseflow.streams.topology.IndicatorDriver.appealed;
import static org.caseflow.streams.topology.IndicatorDriver.closed;
import static org.caseflow.streams.topology.IndicatorDriver.filed;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.caseflow.streams.domain.courts.CourtId;
import org.caseflow.events.IndicatorValue;
import org.caseflow.streams.domain.indicators.CaseFact;
import org.caseflow.streams.domain.indicators.Counter;
import org.caseflow.streams.domain.indicators.FactKind;
import org.caseflow.streams.domain.indicators.MonthLedger;
import org.caseflow.streams.domain.rules.Category;
import org.caseflow.streams.domain.rules.Instance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The indicator processor on TopologyTestDriver. One March-2025 scenario (wall clock 31 March, Asia/Shanghai):
 * <pre>
 * 湘0211  A civil first instance filed 03-03 (originating), closed 03-20 on time, 17 days
 *         B civil first instance filed 03-05 (originating), closed 03-25 late, 20 days
 *         C civil first instance filed 03-10 (originating), open
 *         D enforcement filed 03-12 (not originating: it comes from a judgment), open
 * 湘02    E civil second instance filed 03-26: an appeal against A → APPEALED attributed to A's court 湘0211
 * 湘0203  F civil first instance filed 03-07 (originating), closed 03-28 on time, 21 days
 * </pre>
 */
class IndicatorTopologyTest {
    static final Instant MARCH_31 = Instant.parse("2025-03-31T02:00:00Z");
    static final Duration FLUSH = Duration.ofSeconds(5);
    static final String M = "2025-03";

    @TempDir
    Path state;

    private static void scenario(IndicatorDriver d) {
        d.pipe(filed("A", "湘0211", "CIVIL", "FIRST", "2025-03-03", true));
        d.pipe(filed("B", "湘0211", "CIVIL", "FIRST", "2025-03-05", true));
        d.pipe(filed("C", "湘0211", "CIVIL", "FIRST", "2025-03-10", true));
        d.pipe(filed("D", "湘0211", "ENFORCEMENT", "ENFORCEMENT", "2025-03-12", false));
        d.pipe(closed("A", "湘0211", "2025-03-03", "2025-03-20", true, 17));
        d.pipe(closed("B", "湘0211", "2025-03-05", "2025-03-25", false, 20));
        d.pipe(filed("E", "湘02", "CIVIL", "SECOND", "2025-03-26", false));
        d.pipe(appealed("A", "湘0211", "2025-03-26"));
        d.pipe(filed("F", "湘0203", "CIVIL", "FIRST", "2025-03-07", true));
        d.pipe(closed("F", "湘0203", "2025-03-07", "2025-03-28", true, 21));
    }

    @Test
    void shouldPublishHandComputedMonthValuesForACourtAlone() {
        try (IndicatorDriver d = new IndicatorDriver(state, MARCH_31)) {
            scenario(d);
            d.advance(FLUSH);
            // DOMAIN §4 filings: cases filed in the window — A, B, C, D.
            assertCount(d.latest("湘0211", false, "ALL", "FILINGS", "MONTH", M), 4);
            // closures in the window — A, B.
            assertCount(d.latest("湘0211", false, "ALL", "CLOSURES", "MONTH", M), 2);
            // CLEARANCE_RATE (结收比) = closures / filings = 2 / 4.
            assertRatio(d.latest("湘0211", false, "ALL", "CLEARANCE_RATE", "MONTH", M), 2, 4);
            // ...and for CIVIL only = 2 / 3 (D is an enforcement case).
            assertRatio(d.latest("湘0211", false, "CIVIL", "CLEARANCE_RATE", "MONTH", M), 2, 3);
            // ON_TIME_CLOSURE_RATE (审限内结案率) = closed on or before the deadline / closures with a deadline = 1 / 2.
            assertRatio(d.latest("湘0211", false, "ALL", "ON_TIME_CLOSURE_RATE", "MONTH", M), 1, 2);
            // APPEAL_RATE (上诉率) = appeals whose origin is in scope / first-instance closures = 1 / 2: E is filed at
            // 湘02 but its origin A is 湘0211's case.
            assertRatio(d.latest("湘0211", false, "ALL", "APPEAL_RATE", "MONTH", M), 1, 2);
            // CASE_MATTER_RATIO (案-件比) = all filings (件) / originating first-instance filings (案) = 4 / 3 → 1 : 1.33.
            assertRatio(d.latest("湘0211", false, "ALL", "CASE_MATTER_RATIO", "MONTH", M), 4, 3);
            // The intermediate court alone has no first-instance closure: the appeal is not its rate's numerator.
            IndicatorValue alone = d.latest("湘02", false, "ALL", "APPEAL_RATE", "MONTH", M);
            assertThat(alone.getValue()).isNull();
            assertThat(alone.getNumerator()).isEqualTo(0.0);
        }
    }

    @Test
    void shouldPublishHandComputedMonthValuesForTheCityWithItsCourts() {
        try (IndicatorDriver d = new IndicatorDriver(state, MARCH_31)) {
            scenario(d);
            d.advance(FLUSH);
            // 湘02 with subordinates: filings A, B, C, D, E, F = 6; closures A, B, F = 3.
            assertCount(d.latest("湘02", true, "ALL", "FILINGS", "MONTH", M), 6);
            assertCount(d.latest("湘02", true, "ALL", "CLOSURES", "MONTH", M), 3);
            // CLEARANCE_RATE = closures / filings = 3 / 6.
            assertRatio(d.latest("湘02", true, "ALL", "CLEARANCE_RATE", "MONTH", M), 3, 6);
            // ON_TIME_CLOSURE_RATE = on time (A, F) / closures with a deadline (A, B, F) = 2 / 3.
            assertRatio(d.latest("湘02", true, "ALL", "ON_TIME_CLOSURE_RATE", "MONTH", M), 2, 3);
            // APPEAL_RATE = appeals with origin in the city (A) / first-instance closures (A, B, F) = 1 / 3.
            assertRatio(d.latest("湘02", true, "ALL", "APPEAL_RATE", "MONTH", M), 1, 3);
            // CASE_MATTER_RATIO = filings (6) / originating filings (A, B, C, F) = 6 / 4 → 1 : 1.5.
            assertRatio(d.latest("湘02", true, "ALL", "CASE_MATTER_RATIO", "MONTH", M), 6, 4);
        }
    }

    @Test
    void shouldMakeATreesCountsEqualTheSumOfItsCourts() {
        try (IndicatorDriver d = new IndicatorDriver(state, MARCH_31)) {
            scenario(d);
            d.advance(FLUSH);
            Map<String, IndicatorValue> latest = d.latest();
            for (String indicator : List.of("FILINGS", "CLOSURES", "PENDING")) {
                for (String window : List.of("MONTH", "YEAR_TO_DATE", "ROLLING_12M")) {
                    String period = window.equals("YEAR_TO_DATE") ? "2025" : M;
                    double parts = 0;
                    for (CourtId court : IndicatorDriver.SEEDS.courts().withSubordinates(new CourtId("湘02"))) {
                        IndicatorValue v = latest.get(court + "|false|ALL|" + indicator + "|" + window + "|" + period);
                        parts += v == null ? 0 : v.getValue();
                    }
                    IndicatorValue tree = latest.get("湘02|true|ALL|" + indicator + "|" + window + "|" + period);
                    assertThat(tree.getValue()).as(indicator + " " + window).isEqualTo(parts);
                }
            }
            // PENDING = filings − closures = 6 − 3, the whole city.
            assertCount(d.latest("湘02", true, "ALL", "PENDING", "MONTH", M), 3);
        }
    }

    @Test
    void shouldEmitOneUpdatePerKeyPerThrottleIntervalWithTheLatestValue() {
        try (IndicatorDriver d = new IndicatorDriver(state, MARCH_31)) {
            d.pipe(filed("A", "湘0211", "CIVIL", "FIRST", "2025-03-03", true));
            assertThat(d.advance(Duration.ofSeconds(1))).isEmpty();
            d.pipe(filed("B", "湘0211", "CIVIL", "FIRST", "2025-03-05", true));
            assertThat(d.advance(Duration.ofSeconds(1))).isEmpty();
            List<TestRecord<String, IndicatorValue>> flushed = d.advance(Duration.ofSeconds(3));
            String key = "湘0211|false|ALL|FILINGS|MONTH|2025-03";
            List<TestRecord<String, IndicatorValue>> forKey = flushed.stream().filter(r -> r.key().equals(key)).toList();
            assertThat(forKey).hasSize(1);
            assertThat(forKey.get(0).value().getValue()).isEqualTo(2.0);
            // No key appears twice in one flush.
            assertThat(flushed.stream().map(TestRecord::key).distinct().count()).isEqualTo(flushed.size());
            // Nothing new: the next interval publishes nothing.
            assertThat(d.advance(FLUSH)).isEmpty();
        }
    }

    @Test
    void shouldUndoAFactWithItsNegation() {
        try (IndicatorDriver d = new IndicatorDriver(state, MARCH_31)) {
            var fact = filed("A", "湘0211", "CIVIL", "FIRST", "2025-03-03", true);
            d.pipe(fact);
            d.advance(FLUSH);
            assertCount(d.latest("湘0211", false, "CIVIL", "FILINGS", "MONTH", M), 1);
            d.pipe(fact, -1);
            d.advance(FLUSH);
            assertCount(d.latest("湘0211", false, "CIVIL", "FILINGS", "MONTH", M), 0);
            assertCount(d.latest("湘", true, "ALL", "PENDING", "MONTH", M), 0);
            KeyValueStore<String, byte[]> ledgers = d.driver.getKeyValueStore(StoreNames.INDICATOR_LEDGERS);
            try (KeyValueIterator<String, byte[]> it = ledgers.all()) {
                assertThat(it.hasNext()).as("all-zero ledgers are deleted").isFalse();
            }
        }
    }

    @Test
    void shouldUndoAFactWithItsNegationInTheSameBatch() {
        try (IndicatorDriver d = new IndicatorDriver(state, MARCH_31)) {
            var kept = filed("A", "湘0211", "CIVIL", "FIRST", "2025-03-03", true);
            var undone = closed("A", "湘0211", "2025-03-03", "2025-03-20", true, 17);
            d.pipe(kept);
            d.pipe(undone);
            d.pipe(undone, -1); // summed with its closure before either reaches the ledgers
            d.advance(FLUSH);
            assertCount(d.latest("湘0211", false, "CIVIL", "FILINGS", "MONTH", M), 1);
            assertCount(d.latest("湘0211", false, "CIVIL", "CLOSURES", "MONTH", M), 0);
            assertCount(d.latest("湘", true, "ALL", "PENDING", "MONTH", M), 1);
            KeyValueStore<String, byte[]> ledgers = d.driver.getKeyValueStore(StoreNames.INDICATOR_LEDGERS);
            MonthLedger march = MonthLedger.fromBytes(ledgers.get("湘|tree|ALL|2025-03"));
            assertThat(march.get(Counter.DURATION_COUNT)).isZero();
            assertThat(march.get(Counter.FILINGS)).isEqualTo(1);
        }
    }

    @Test
    void shouldSkipAndCountInvalidAndMalformedFacts() {
        try (IndicatorDriver d = new IndicatorDriver(state, MARCH_31)) {
            String valid = IndicatorDriver.json(filed("A", "湘0211", "CIVIL", "FIRST", "2025-03-03", true));
            d.pipeRaw(valid.replace("\"CIVIL\"", "\"MARITIME\""));
            d.pipeRaw("{not json");
            d.pipe(filed("B", "湘0211", "CIVIL", "FIRST", "2025-03-05", true));
            d.advance(FLUSH);
            var dead = d.deadLetters();
            assertThat(dead).extracting(r -> new String(r.headers().lastHeader(DeadLetters.REASON).value(),
                    StandardCharsets.UTF_8)).containsExactly("invalid-fact", "malformed-fact");
            assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).contains("MARITIME");
            assertThat(d.registry.get("caseflow.dead.letters").tag("reason", "invalid-fact").counter().count())
                    .isEqualTo(1.0);
            // The stream goes on: B counts, the invalid A does not.
            assertCount(d.latest("湘0211", false, "ALL", "FILINGS", "MONTH", M), 1);
        }
    }

    @Test
    void shouldDeadLetterFactsDatedBeyondNextMonth() {
        try (IndicatorDriver d = new IndicatorDriver(state, MARCH_31)) {
            d.pipe(filed("Z", "湘0211", "CIVIL", "FIRST", "2025-05-02", true));
            assertThat(d.deadLetters()).extracting(r -> new String(r.headers().lastHeader(DeadLetters.REASON).value(),
                    StandardCharsets.UTF_8)).containsExactly("future-fact");
        }
    }

    @Test
    void shouldRejectAFarFutureFilingInEventTimeWithoutMovingTheClockOrPending() {
        TopologySettings settings = TopologyFixture.liveSettings().withClockMode(ClockMode.EVENT_TIME);
        Instant march10 = Instant.parse("2025-03-10T02:00:00Z");
        try (IndicatorDriver d = new IndicatorDriver(settings, state, MARCH_31)) {
            d.pipe(filed("A", "湘0211", "CIVIL", "FIRST", "2025-03-03", true), march10);
            // Produced by case events of 10 March: one mistyped entirely, one with only filedOn in 2035.
            d.pipe(filed("Z", "湘0211", "CIVIL", "FIRST", "2035-01-10", true), march10);
            d.pipe(new CaseFact(FactKind.FILED, "Y", "湘0211", Category.CIVIL, Instance.FIRST, LocalDate.parse("2025-03-10"),
                    LocalDate.parse("2035-01-10"), null, null, null, null, null, true), march10);
            assertThat(d.deadLetters()).extracting(r -> new String(r.headers().lastHeader(DeadLetters.REASON).value(),
                    StandardCharsets.UTF_8)).containsExactly("future-fact", "future-fact");
            assertThat(d.registry.get("caseflow.dead.letters").tag("reason", "future-fact").counter().count())
                    .isEqualTo(2.0);
            // The clock is the record time (the case event's), not the fact's 2035 date: the aggregator's, which
            // refuses the facts...
            KeyValueStore<String, byte[]> pending = d.driver.getKeyValueStore(StoreNames.FACT_PENDING);
            assertThat(ByteBuffer.wrap(pending.get(FactAggregator.EVENT_CLOCK_KEY)).getLong())
                    .isEqualTo(march10.toEpochMilli());
            d.advance(FLUSH);
            // ...and the indicator processor's, once the deltas have arrived.
            KeyValueStore<String, String> scopes = d.driver.getKeyValueStore(StoreNames.INDICATOR_SCOPES);
            assertThat(scopes.get(IndicatorProcessor.EVENT_CLOCK_KEY)).isEqualTo(Long.toString(march10.toEpochMilli()));
            // PENDING (DOMAIN §4: filings − closures) counts A only, in March and in the whole province.
            assertCount(d.latest("湘0211", false, "ALL", "PENDING", "MONTH", M), 1);
            assertCount(d.latest("湘", true, "ALL", "PENDING", "MONTH", M), 1);
            assertThat(d.latest().keySet()).noneMatch(k -> k.contains("2035"));
            KeyValueStore<String, byte[]> ledgers = d.driver.getKeyValueStore(StoreNames.INDICATOR_LEDGERS);
            try (KeyValueIterator<String, byte[]> it = ledgers.all()) {
                it.forEachRemaining(kv -> assertThat(kv.key).doesNotContain("2035"));
            }
        }
    }

    @Test
    void shouldExportCurrentPeriodGaugesAndCaseCounts() {
        try (IndicatorDriver d = new IndicatorDriver(state, MARCH_31)) {
            scenario(d);
            d.advance(FLUSH);
            assertThat(d.registry.get("caseflow.indicator").tags("scope", "湘0211", "subordinates", "false",
                    "category", "ALL", "indicator", "FILINGS", "window", "MONTH").gauge().value()).isEqualTo(4.0);
            assertThat(d.registry.get("caseflow.indicator").tags("scope", "湘02", "subordinates", "true",
                    "category", "ALL", "indicator", "CLEARANCE_RATE", "window", "ROLLING_12M").gauge().value())
                    .isEqualTo(0.5);
            // caseflow_cases_open{court,category}: PENDING of the court alone — civil C open; enforcement D open.
            assertThat(d.registry.get("caseflow.cases.open").tags("court", "湘0211", "category", "CIVIL")
                    .gauge().value()).isEqualTo(1.0);
            assertThat(d.registry.get("caseflow.cases.open").tags("court", "湘0211", "category", "ENFORCEMENT")
                    .gauge().value()).isEqualTo(1.0);
            assertThat(d.registry.get("caseflow.cases.overdue").tags("court", "湘0211", "category", "CIVIL")
                    .gauge().value()).isEqualTo(0.0);
            assertThat(d.registry.find("caseflow.cases.open").tags("category", "ALL").gauges()).isEmpty();
        }
    }

    @Test
    void shouldExportOnlyTheConfiguredScopes() {
        TopologySettings settings = TopologyFixture.liveSettings().withIndicators(Duration.ofSeconds(5),
                Duration.ofMinutes(15), Set.of(new CourtId("湘02")), 5000);
        try (IndicatorDriver d = new IndicatorDriver(settings, state, MARCH_31)) {
            scenario(d);
            d.advance(FLUSH);
            assertThat(d.registry.find("caseflow.indicator").tag("scope", "湘0211").gauges()).isEmpty();
            assertThat(d.registry.find("caseflow.indicator").tag("scope", "湘02").gauges()).isNotEmpty();
            assertThat(d.registry.find("caseflow.cases.open").tag("court", "湘0211").gauges()).isNotEmpty();
        }
    }

    @Test
    void shouldRepublishCurrentPeriodsWhenTheMonthTurnsWithoutFacts() {
        Instant lateMarch31 = Instant.parse("2025-03-31T15:50:00Z"); // 23:50 in Asia/Shanghai
        try (IndicatorDriver d = new IndicatorDriver(state, lateMarch31)) {
            d.pipe(filed("A", "湘0211", "CIVIL", "FIRST", "2025-03-03", true));
            d.advance(FLUSH);
            assertThat(d.latest("湘0211", false, "ALL", "PENDING", "MONTH", "2025-04")).isNull();
            d.advance(Duration.ofMinutes(16)); // the refresh (every 15 min) runs at 00:05 on 1 April...
            d.advance(FLUSH); // ...and the next throttled flush publishes
            // PENDING of April = the case still open; nothing was filed in April.
            assertCount(d.latest("湘0211", false, "ALL", "PENDING", "MONTH", "2025-04"), 1);
            assertCount(d.latest("湘0211", false, "ALL", "FILINGS", "MONTH", "2025-04"), 0);
            assertThat(d.registry.get("caseflow.indicator").tags("scope", "湘0211", "subordinates", "false",
                    "category", "ALL", "indicator", "FILINGS", "window", "MONTH").gauge().value()).isEqualTo(0.0);
        }
    }

    @Test
    void shouldKeepTheLineageCountPerRootAndTheTopPerScope() {
        try (IndicatorDriver d = new IndicatorDriver(state, MARCH_31)) {
            var lineage = org.caseflow.streams.domain.indicators.CaseFact.simple(
                    org.caseflow.streams.domain.indicators.FactKind.LINEAGE, "A", "湘0211", Category.CIVIL, Instance.FIRST,
                    java.time.LocalDate.parse("2025-03-26"), false);
            d.pipe(lineage);
            d.pipe(lineage);
            KeyValueStore<String, Long> counts = d.driver.getKeyValueStore(StoreNames.LINEAGE_COUNTS);
            assertThat(counts.get("A")).isEqualTo(2L);
            KeyValueStore<String, byte[]> tops = d.driver.getKeyValueStore(StoreNames.LINEAGE_TOP);
            var top = org.caseflow.streams.domain.indicators.LineageTop.fromBytes(tops.get("湘02|tree|ALL")).top();
            assertThat(top).extracting(e -> e.rootId() + "=" + e.caseNumbers()).containsExactly("A=2");
        }
    }

    @Test
    void shouldSpreadProvinceFactsOverPartitions() {
        try (IndicatorDriver d = new IndicatorDriver(state, MARCH_31)) {
            TestOutputTopic<String, byte[]> deltas = TopicHandles.output(d.driver, Topics.DEFAULT.indicatorDeltas());
            scenario(d); // ten facts of four courts of one province, 湘: once all keyed 湘, one partition
            d.advance(FLUSH);
            List<String> keys = deltas.readRecordsToList().stream().map(TestRecord::key).toList();
            // One batch, one record per scope, keyed by the scope: 湘0211 CIVIL (8 scopes with ALL), its ENFORCEMENT
            // case (+4), 湘02 alone (+2), 湘0203 alone and tree (+4).
            assertThat(keys).hasSize(18).doesNotHaveDuplicates().contains("湘|tree|ALL", "湘0211|court|CIVIL");
            // The producer's default partitioner (murmur2 of the key) spreads them over the topic's partitions.
            Set<Integer> partitions = keys.stream()
                    .map(k -> Utils.toPositive(Utils.murmur2(k.getBytes(StandardCharsets.UTF_8))) % 4)
                    .collect(Collectors.toSet());
            assertThat(partitions).hasSize(4);
            // And the values are those of the facts one by one (the tests above): e.g. 湘02 tree, 3 of 6 closed.
            assertCount(d.latest("湘02", true, "ALL", "PENDING", "MONTH", M), 3);
        }
    }

    @Test
    void shouldDeadLetterAndCountUnreadableDeltas() {
        try (IndicatorDriver d = new IndicatorDriver(state, MARCH_31)) {
            TestInputTopic<String, byte[]> deltas = d.driver.createInputTopic(TopicNames.DEFAULT.indicatorDeltas(),
                    new StringSerializer(), new ByteArraySerializer());
            deltas.pipeInput("湘0211|court|CIVIL", new byte[] {IndicatorDeltas.VERSION, 'L', 9});
            deltas.pipeInput("not a scope", IndicatorDeltas.lineage("A", 2));
            assertThat(d.deadLetters()).extracting(r -> new String(r.headers().lastHeader(DeadLetters.REASON).value(),
                    StandardCharsets.UTF_8)).containsExactly("malformed-delta", "malformed-delta");
            assertThat(d.registry.get("caseflow.dead.letters").tag("reason", "malformed-delta").counter().count())
                    .isEqualTo(2.0);
        }
    }

    private static void assertCount(IndicatorValue v, double expected) {
        assertThat(v).isNotNull();
        assertThat(v.getValue()).isEqualTo(expected);
        assertThat(v.getNumerator()).isEqualTo(expected);
    }

    private static void assertRatio(IndicatorValue v, double numerator, double denominator) {
        assertThat(v).isNotNull();
        assertThat(v.getNumerator()).isEqualTo(numerator);
        assertThat(v.getDenominator()).isEqualTo(denominator);
        assertThat(v.getValue()).isCloseTo(numerator / denominator, within(1e-12));
    }

}
