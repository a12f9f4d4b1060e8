package org.caseflow.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseflow.streams.topology.IndicatorDriver.closed;
import static org.caseflow.streams.topology.IndicatorDriver.filed;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.caseflow.streams.domain.indicators.CaseFact;
import org.caseflow.streams.domain.indicators.Counter;
import org.caseflow.streams.domain.indicators.FactKind;
import org.caseflow.streams.domain.indicators.SignedFact;
import org.caseflow.streams.domain.rules.Category;
import org.caseflow.streams.domain.rules.Instance;
import org.junit.jupiter.api.Test;

/** The fact aggregator on its own: sums per attribution, one record per scope per batch, rollback-safe clock. */
class FactAggregatorTest {
    static final Instant MARCH_10 = Instant.parse("2025-03-10T02:00:00Z");
    static final Instant MARCH_12 = Instant.parse("2025-03-12T02:00:00Z");

    private static FactAggregator aggregator(TopologySettings settings) {
        return new FactAggregator(settings, IndicatorDriver.SEEDS.courts(),
                new ProcessingMetrics(new SimpleMeterRegistry()));
    }

    /** A context with the pending store, empty (in memory, no changelog): a fresh task or one rolled back. */
    private static MockProcessorContext<String, Object> freshContext() {
        MockProcessorContext<String, Object> context = new MockProcessorContext<>();
        context.setCurrentSystemTimeMs(MARCH_12.toEpochMilli());
        KeyValueStore<String, byte[]> store = Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(StoreNames.FACT_PENDING), Serdes.String(), Serdes.ByteArray())
                .withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        return context;
    }

    private static Record<String, Object> record(CaseFact fact, int sign, Instant at) {
        return new Record<>(fact.caseId(), new SignedFact(fact, sign), at.toEpochMilli());
    }

    private static List<String> pendingKeys(MockProcessorContext<String, Object> context) {
        KeyValueStore<String, byte[]> pending = context.getStateStore(StoreNames.FACT_PENDING);
        List<String> out = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = pending.all()) {
            it.forEachRemaining(kv -> out.add(kv.key));
        }
        return out;
    }

    @Test
    void shouldSumFactsPerCourtAndCategoryThenSendOneRecordPerScope() {
        FactAggregator aggregator = aggregator(TopologySettings.defaults());
        MockProcessorContext<String, Object> context = freshContext();
        aggregator.init(context);
        aggregator.process(record(filed("A", "湘0211", "CIVIL", "FIRST", "2025-03-03", true), 1, MARCH_10));
        aggregator.process(record(filed("B", "湘0211", "CIVIL", "FIRST", "2025-03-05", true), 1, MARCH_12));
        aggregator.process(record(closed("A", "湘0211", "2025-03-03", "2025-03-09", true, 6), 1, MARCH_10));
        aggregator.process(record(filed("F", "湘0203", "CIVIL", "FIRST", "2025-03-07", true), 1, MARCH_10));
        assertThat(context.forwarded()).isEmpty();
        // Per attribution (court alone × category) and month, plus the running total of the stocks.
        assertThat(pendingKeys(context)).containsExactlyInAnyOrder("湘0211|court|CIVIL|2025-03",
                "湘0211|court|CIVIL|total", "湘0203|court|CIVIL|2025-03", "湘0203|court|CIVIL|total");

        aggregator.flush();
        List<MockProcessorContext.CapturedForward<? extends String, ?>> sent = context.forwarded();
        // 湘0211 and 湘0203 alone and as trees, 湘02 and 湘 trees, × {CIVIL, ALL}: 12 scopes, one record each.
        assertThat(sent).hasSize(12).allMatch(f -> f.childName().get().equals(Names.DELTAS_SINK));
        assertThat(sent.stream().map(f -> f.record().key()).distinct()).hasSize(12);
        IndicatorDeltas.Ledger city = sent.stream().filter(f -> f.record().key().equals("湘02|tree|ALL"))
                .map(f -> (IndicatorDeltas.Ledger) IndicatorDeltas.decode((byte[]) f.record().value()))
                .findFirst().orElseThrow();
        var march = city.delta().months().get(java.time.YearMonth.of(2025, 3));
        assertThat(march.get(Counter.FILINGS)).isEqualTo(3);
        assertThat(march.get(Counter.CLOSURES)).isEqualTo(1);
        assertThat(city.delta().total().get(Counter.PENDING_DELTA)).isEqualTo(2);
        // Sent with the latest event time of the facts summed, so the indicator clock follows the facts.
        assertThat(sent).allMatch(f -> f.record().timestamp() == MARCH_12.toEpochMilli());
        assertThat(pendingKeys(context)).isEmpty();

        context.resetForwards();
        aggregator.flush();
        assertThat(context.forwarded()).as("nothing pending, nothing sent").isEmpty();
    }

    @Test
    void shouldSendLineageFactsOnAtOnceKeyedByTheirRoot() {
        FactAggregator aggregator = aggregator(TopologySettings.defaults());
        MockProcessorContext<String, Object> context = freshContext();
        aggregator.init(context);
        CaseFact lineage = CaseFact.simple(FactKind.LINEAGE, "A", "湘0211", Category.CIVIL, Instance.FIRST,
                LocalDate.parse("2025-03-09"), false);
        aggregator.process(new Record<>("E", new SignedFact(lineage, 1), MARCH_10.toEpochMilli()));
        assertThat(context.forwarded()).singleElement().satisfies(f -> {
            assertThat(f.childName()).contains(Names.LINEAGE_FACTS_SINK);
            assertThat(f.record().key()).isEqualTo("A");
        });
        assertThat(pendingKeys(context)).isEmpty();
    }

    @Test
    void shouldReReadTheEventClockFromTheRolledBackStore() {
        FactAggregator aggregator = aggregator(TopologySettings.defaults().withClockMode(ClockMode.EVENT_TIME));
        MockProcessorContext<String, Object> before = freshContext();
        aggregator.init(before);
        aggregator.process(record(filed("A", "湘0211", "CIVIL", "FIRST", "2025-03-03", true), 1, MARCH_12));

        // EOS abort: the clock of 12 March was never committed; after the rollback the next record sets it again,
        // and the facts rolled back are summed again from scratch.
        MockProcessorContext<String, Object> after = freshContext();
        aggregator.init(after);
        aggregator.process(record(filed("A", "湘0211", "CIVIL", "FIRST", "2025-03-03", true), 1, MARCH_10));
        KeyValueStore<String, byte[]> pending = after.getStateStore(StoreNames.FACT_PENDING);
        assertThat(ByteBuffer.wrap(pending.get(FactAggregator.EVENT_CLOCK_KEY)).getLong())
                .isEqualTo(MARCH_10.toEpochMilli());
        assertThat(PendingLedger.fromBytes(pending.get("湘0211|court|CIVIL|2025-03")).ledger().get(Counter.FILINGS))
                .isEqualTo(1);
    }
}
