package org.caseflow.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.caseflow.streams.domain.cases.Disposition;
import org.caseflow.streams.domain.indicators.CaseFact;
import org.caseflow.streams.domain.indicators.FactKind;
import org.caseflow.streams.domain.indicators.InMemoryLedgers;
import org.caseflow.streams.domain.indicators.LedgerUpdates;
import org.caseflow.streams.domain.indicators.ScopeKey;
import org.caseflow.streams.domain.indicators.SignedFact;
import org.caseflow.streams.domain.rules.Category;
import org.caseflow.streams.domain.rules.Instance;

/**
 * Issue 8, through the real {@link FactAggregator} and the deltas' wire form: whatever the moments its batches are
 * sent (any split of the facts), adding the deltas it forwards gives exactly the ledgers, and marks exactly the
 * months, of applying each fact on its own, corrections (−1) included.
 */
class FactAggregatorPropertiesTest {
    static final Instant CLOCK = Instant.parse("2027-01-01T00:00:00Z");
    static final List<String> COURTS = List.of("湘0211", "湘0203", "湘0281", "湘02", "湘", "湘0302");
    static final String[] CATEGORIES = {"CIVIL", "CRIMINAL", "ADMINISTRATIVE", "ENFORCEMENT"};

    @Property(tries = 60)
    void shouldSendDeltasThatAddUpToTheFactsOneByOne(@ForAll long seed,
                                                   @ForAll @IntRange(min = 0, max = 30) int flushes) {
        Random random = new Random(seed);
        List<SignedFact> facts = facts(random, 80);

        InMemoryLedgers oneByOne = new InMemoryLedgers();
        Map<String, Set<YearMonth>> marksOneByOne = new TreeMap<>();
        for (SignedFact f : facts) {
            List<String> written = LedgerUpdates.apply(f.fact(), f.sign(), IndicatorDriver.SEEDS.courts()::ancestors,
                    oneByOne);
            written.stream().map(LedgerUpdates::monthOf).filter(m -> m != null).max(YearMonth::compareTo)
                    .ifPresent(m -> written.forEach(k -> marksOneByOne.computeIfAbsent(ScopeKey.parse(k).encode(),
                            s -> new TreeSet<>()).add(m)));
        }

        FactAggregator aggregator = new FactAggregator(TopologySettings.defaults(), IndicatorDriver.SEEDS.courts(),
                new ProcessingMetrics(new SimpleMeterRegistry()));
        MockProcessorContext<String, Object> context = context();
        aggregator.init(context);
        for (SignedFact f : facts) {
            aggregator.process(new Record<>(f.fact().caseId(), f, CLOCK.toEpochMilli()));
            if (random.nextInt(facts.size()) < flushes) {
                aggregator.flush();
            }
        }
        aggregator.flush();

        InMemoryLedgers batched = new InMemoryLedgers();
        Map<String, Set<YearMonth>> marksBatched = new TreeMap<>();
        for (var sent : context.forwarded()) {
            assertThat(sent.childName()).contains(Names.DELTAS_SINK);
            ScopeKey scope = ScopeKey.parse(sent.record().key());
            var delta = ((IndicatorDeltas.Ledger) IndicatorDeltas.decode((byte[]) sent.record().value())).delta();
            delta.applyTo(scope, batched);
            if (!delta.marks().isEmpty()) {
                marksBatched.computeIfAbsent(scope.encode(), s -> new TreeSet<>()).addAll(delta.marks());
            }
        }
        assertThat(batched.asMap()).isEqualTo(oneByOne.asMap());
        assertThat(marksBatched).isEqualTo(marksOneByOne);
    }

    private static MockProcessorContext<String, Object> context() {
        MockProcessorContext<String, Object> context = new MockProcessorContext<>();
        context.setCurrentSystemTimeMs(CLOCK.toEpochMilli());
        KeyValueStore<String, byte[]> store = Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(StoreNames.FACT_PENDING), Serdes.String(), Serdes.ByteArray())
                .withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        return context;
    }

    /** Filings, closures (some of enforcement cases, with money), overdue, hearings; a fifth taken back later. */
    private static List<SignedFact> facts(Random random, int cases) {
        List<SignedFact> out = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            String court = COURTS.get(random.nextInt(COURTS.size()));
            String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
            LocalDate filed = LocalDate.of(2023, 1, 1).plusDays(random.nextInt(900));
            out.add(new SignedFact(new CaseFact(FactKind.FILED, "c" + i, court, Category.valueOf(category), Instance.FIRST,
                    filed, filed, null,
                    null, null, null, null, random.nextBoolean()), 1));
            int days = random.nextInt(400);
            switch (random.nextInt(4)) {
                case 0 -> out.add(new SignedFact(new CaseFact(FactKind.CLOSED, "c" + i, court, Category.valueOf(category), Instance.FIRST,
                        filed.plusDays(days), filed, Disposition.JUDGMENT, days < 180, days, null, null, false), 1));
                case 1 -> out.add(new SignedFact(new CaseFact(FactKind.CLOSED, "c" + i, court, Category.ENFORCEMENT,
                        Instance.ENFORCEMENT, filed.plusDays(days), filed, Disposition.ENFORCEMENT_COMPLETED, null, days,
                        new BigDecimal(random.nextInt(50_000) + ".15"), new BigDecimal(random.nextInt(900) + ".05"),
                        false), 1));
                case 2 -> out.add(new SignedFact(CaseFact.simple(FactKind.OVERDUE_STARTED, "c" + i, court, Category.valueOf(category),
                        Instance.FIRST, filed.plusDays(days), false), 1));
                default -> out.add(new SignedFact(CaseFact.simple(FactKind.HEARING_HELD, "c" + i, court, Category.valueOf(category),
                        Instance.FIRST, filed.plusDays(days / 4), random.nextBoolean()), 1));
            }
        }
        int corrections = out.size() / 5;
        for (int i = 0; i < corrections; i++) {
            int at = random.nextInt(out.size());
            out.add(at + random.nextInt(out.size() - at + 1), out.get(at).negate());
        }
        return out;
    }
}
