package org.caseflow.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseflow.streams.topology.IndicatorDriver.filed;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.caseflow.streams.domain.indicators.CaseFact;
import org.caseflow.streams.domain.indicators.IndicatorCalculator;
import org.caseflow.streams.domain.indicators.LedgerDelta;
import org.caseflow.streams.domain.indicators.Scopes;
import org.junit.jupiter.api.Test;

/**
 * One processor instance initialised twice, the second time on empty stores: what a task revival after an EOS abort
 * does (the stores roll back to the last commit, the instance may be reused). Whatever the instance kept in memory
 * from before must not stop it writing the rolled-back state again.
 */
class IndicatorProcessorRevivalTest {
    static final Instant MARCH_31 = Instant.parse("2025-03-31T02:00:00Z");

    private static IndicatorProcessor processor(TopologySettings settings) {
        return new IndicatorProcessor(settings, new IndicatorCalculator(IndicatorDriver.SEEDS.indicators()),
                new ProcessingMetrics(new SimpleMeterRegistry()),
                new IndicatorGauges(new SimpleMeterRegistry(), settings.indicatorExport(),
                        IndicatorDriver.SEEDS.courts(), IndicatorDriver.SEEDS.indicators()));
    }

    /** A context with the processor's four stores, empty (in memory, no changelog). */
    private static MockProcessorContext<String, Object> freshContext() {
        MockProcessorContext<String, Object> context = new MockProcessorContext<>();
        context.setCurrentSystemTimeMs(MARCH_31.toEpochMilli());
        addStore(context, StoreNames.INDICATOR_LEDGERS, Serdes.ByteArray());
        addStore(context, StoreNames.INDICATOR_DIRTY, Serdes.String());
        addStore(context, StoreNames.INDICATOR_SCOPES, Serdes.String());
        addStore(context, StoreNames.LINEAGE_TOP, Serdes.ByteArray());
        return context;
    }

    private static <V> void addStore(MockProcessorContext<String, Object> context, String name, Serde<V> values) {
        KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name),
                Serdes.String(), values).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
    }

    /** The delta the fact aggregator sends for the fact's court alone (one of the eight scopes it counts in). */
    private static Record<String, byte[]> record(CaseFact fact, Instant at) {
        byte[] bytes = IndicatorDeltas.ledger(LedgerDelta.of(fact, 1));
        return new Record<>(Scopes.attribution(fact).encode(), bytes, at.toEpochMilli());
    }

    private static List<String> keys(MockProcessorContext<String, Object> context, String store) {
        KeyValueStore<String, String> kv = context.getStateStore(store);
        List<String> out = new ArrayList<>();
        try (KeyValueIterator<String, String> it = kv.all()) {
            it.forEachRemaining(e -> out.add(e.key));
        }
        return out;
    }

    @Test
    void shouldMarkPeriodsDirtyAgainAfterTheStoresRollBack() {
        IndicatorProcessor p = processor(TopologySettings.defaults());
        CaseFact fact = filed("A", "湘0211", "CIVIL", "FIRST", "2025-03-03", true);
        MockProcessorContext<String, Object> before = freshContext();
        p.init(before);
        p.process(record(fact, MARCH_31));
        List<String> dirtyBefore = keys(before, StoreNames.INDICATOR_DIRTY);
        assertThat(dirtyBefore).isNotEmpty();

        // EOS abort: the transaction with the delta and its dirty marks is gone; the record is processed again.
        MockProcessorContext<String, Object> after = freshContext();
        p.init(after);
        p.process(record(fact, MARCH_31));
        assertThat(keys(after, StoreNames.INDICATOR_DIRTY)).containsExactlyInAnyOrderElementsOf(dirtyBefore);
        assertThat(keys(after, StoreNames.INDICATOR_SCOPES))
                .containsExactlyInAnyOrderElementsOf(keys(before, StoreNames.INDICATOR_SCOPES));

        // ...so the next flush publishes them.
        p.flush(MARCH_31.toEpochMilli());
        assertThat(after.forwarded()).isNotEmpty();
        assertThat(keys(after, StoreNames.INDICATOR_DIRTY)).isEmpty();
    }

    @Test
    void shouldReReadTheEventClockFromTheRolledBackStore() {
        IndicatorProcessor p = processor(TopologySettings.defaults().withClockMode(ClockMode.EVENT_TIME));
        Instant march10 = Instant.parse("2025-03-10T02:00:00Z");
        Instant march03 = Instant.parse("2025-03-03T02:00:00Z");
        MockProcessorContext<String, Object> before = freshContext();
        p.init(before);
        p.process(record(filed("A", "湘0211", "CIVIL", "FIRST", "2025-03-03", true), march10));

        // The clock of 10 March was never committed: after the rollback the first record sets it again.
        MockProcessorContext<String, Object> after = freshContext();
        p.init(after);
        p.process(record(filed("B", "湘0211", "CIVIL", "FIRST", "2025-03-03", true), march03));
        KeyValueStore<String, String> scopes = after.getStateStore(StoreNames.INDICATOR_SCOPES);
        assertThat(scopes.get(IndicatorProcessor.EVENT_CLOCK_KEY)).isEqualTo(Long.toString(march03.toEpochMilli()));
    }
    @Test
    void shouldGiveItsGaugesBackOnCloseAndRecomputeThemAfterTheNextInit() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        TopologySettings settings = TopologySettings.defaults();
        IndicatorProcessor p = new IndicatorProcessor(settings,
                new IndicatorCalculator(IndicatorDriver.SEEDS.indicators()), new ProcessingMetrics(registry),
                new IndicatorGauges(registry, settings.indicatorExport(), IndicatorDriver.SEEDS.courts(),
                        IndicatorDriver.SEEDS.indicators()));
        MockProcessorContext<String, Object> context = freshContext();
        p.init(context);
        p.process(record(filed("A", "湘0211", "CIVIL", "FIRST", "2025-03-03", true), MARCH_31));
        p.flush(MARCH_31.toEpochMilli());
        Gauge open = registry.get("caseflow.cases.open").tags("court", "湘0211", "category", "CIVIL").gauge();
        assertThat(open.value()).isEqualTo(1.0);

        p.close();
        assertThat(open.value()).as("the task may open on another instance: this one counts 0").isZero();

        p.init(context); // the task opens here again, its stores as they were
        p.flush(MARCH_31.toEpochMilli());
        assertThat(open.value()).as("recomputed by the first flush, not at the next 15-minute refresh")
                .isEqualTo(1.0);
    }
}
