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
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
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
    static final List<Category> CATEGORIES = List.of(Category.values());

    /**
     * List sizes always drawn at their maximum, as the seeded version drew them; shrinking still goes down to the
     * minimum size.
     */
    private static final RandomDistribution FULL_SIZE = (genSize, min, max, center) -> random -> max;

    /** What happened to a case after its filing (one each, equally likely). */
    private enum Then { CLOSED, ENFORCEMENT_CLOSED, OVERDUE, HEARING }

    /** The claim and what was paid, in whole units, of an enforcement closure. */
    private record Money(int claimed, int paid) {
    }

    /** A case: its filing and one later fact. */
    private record CaseDraw(String court, Category category, int filedDay, boolean originating, Then then, int days,
                            Money money, boolean hearingFlag) {
        List<SignedFact> facts(String id) {
            LocalDate filed = LocalDate.of(2023, 1, 1).plusDays(filedDay);
            CaseFact filing = new CaseFact(FactKind.FILED, id, court, category, Instance.FIRST, filed, filed, null, null,
                    null, null, null, originating);
            CaseFact later = switch (then) {
                case CLOSED -> new CaseFact(FactKind.CLOSED, id, court, category, Instance.FIRST, filed.plusDays(days),
                        filed, Disposition.JUDGMENT, days < 180, days, null, null, false);
                case ENFORCEMENT_CLOSED -> new CaseFact(FactKind.CLOSED, id, court, Category.ENFORCEMENT,
                        Instance.ENFORCEMENT, filed.plusDays(days), filed, Disposition.ENFORCEMENT_COMPLETED, null, days,
                        new BigDecimal(money.claimed() + ".15"), new BigDecimal(money.paid() + ".05"), false);
                case OVERDUE -> CaseFact.simple(FactKind.OVERDUE_STARTED, id, court, category, Instance.FIRST,
                        filed.plusDays(days), false);
                case HEARING -> CaseFact.simple(FactKind.HEARING_HELD, id, court, category, Instance.FIRST,
                        filed.plusDays(days / 4), hearingFlag);
            };
            return List.of(new SignedFact(filing, 1), new SignedFact(later, 1));
        }
    }

    /**
     * 80 cases, a fifth of the facts taken back, flushed at up to 30 moments: the batches are the facts between two
     * flushes. A failure shrinks to the fewest batches of the fewest facts (see {@link #batchedHistories()}).
     */
    @Property(tries = 60, edgeCases = EdgeCasesMode.NONE)
    void shouldSendDeltasThatAddUpToTheFactsOneByOne(@ForAll("batchedHistories") List<List<SignedFact>> batches) {
        List<SignedFact> facts = batches.stream().flatMap(List::stream).toList();

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
        for (List<SignedFact> batch : batches) {
            for (SignedFact f : batch) {
                aggregator.process(new Record<>(f.fact().caseId(), f, CLOCK.toEpochMilli()));
            }
            aggregator.flush();
        }

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

    /**
     * Filings, closures (some of enforcement cases, with money), overdue, hearings; a fifth taken back later; cut
     * into batches at up to 30 flushes. Sizes are drawn at their maximum (80 cases, a fifth corrected, as the seeded
     * version drew them) and shrink towards one case, no correction and one batch; no edge cases, so that every try
     * is a full history.
     */
    @Provide
    Arbitrary<List<List<SignedFact>>> batchedHistories() {
        Arbitrary<CaseDraw> cases = Combinators.combine(Arbitraries.of(COURTS), Arbitraries.of(CATEGORIES),
                        uniform(0, 899), Arbitraries.of(false, true), Arbitraries.of(Then.values()), uniform(0, 399),
                        Combinators.combine(uniform(0, 49_999), uniform(0, 899)).as(Money::new),
                        Arbitraries.of(false, true))
                .as(CaseDraw::new);
        return cases.list().ofMinSize(1).ofMaxSize(80).withSizeDistribution(FULL_SIZE)
                .map(FactAggregatorPropertiesTest::facts)
                .flatMap(drawn -> uniform(0, 99_999).list().ofSize(2).list().ofMaxSize(drawn.size() / 5)
                        .withSizeDistribution(FULL_SIZE).map(corrections -> corrected(drawn, corrections)))
                .flatMap(all -> all.size() < 2 ? Arbitraries.just(List.of(all))
                        : uniform(1, all.size() - 1).set().ofMaxSize(Math.min(30, all.size() - 1))
                        .withSizeDistribution(RandomDistribution.uniform()).map(cuts -> split(all, cuts)));
    }

    private static List<SignedFact> facts(List<CaseDraw> cases) {
        List<SignedFact> out = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            out.addAll(cases.get(i).facts("c" + i));
        }
        return out;
    }

    private static Arbitrary<Integer> uniform(int min, int max) {
        return Arbitraries.integers().between(min, max).withDistribution(RandomDistribution.uniform());
    }

    /** Each correction [at, later] takes back the fact (or correction) at {@code at} and inserts it at or after it. */
    private static List<SignedFact> corrected(List<SignedFact> facts, List<List<Integer>> corrections) {
        List<SignedFact> out = new ArrayList<>(facts);
        for (List<Integer> c : corrections) {
            int at = c.get(0) % out.size();
            out.add(at + c.get(1) % (out.size() - at + 1), out.get(at).negate());
        }
        return out;
    }

    /** {@code facts} cut before each index of {@code cuts} into consecutive, non-empty runs. */
    private static List<List<SignedFact>> split(List<SignedFact> facts, Set<Integer> cuts) {
        List<List<SignedFact>> out = new ArrayList<>();
        int from = 0;
        for (int cut : new TreeSet<>(cuts)) {
            out.add(facts.subList(from, cut));
            from = cut;
        }
        out.add(facts.subList(from, facts.size()));
        return out;
    }
}
