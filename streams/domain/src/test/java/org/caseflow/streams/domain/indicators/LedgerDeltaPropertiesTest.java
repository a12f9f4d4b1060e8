package org.caseflow.streams.domain.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
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
import org.caseflow.streams.domain.courts.CourtId;
import org.caseflow.streams.domain.cases.Disposition;
import org.caseflow.streams.domain.rules.Category;
import org.caseflow.streams.domain.rules.Instance;
import org.junit.jupiter.api.Test;

/**
 * Issue 8: facts summed per attribution (court alone × category) in batches, fanned out per batch and added to the
 * ledgers give exactly the ledgers — counts, cent sums, histograms, age arrays, totals — and the republished months of
 * applying each fact on its own ({@link LedgerUpdates}), whatever the batches, corrections included.
 */
class LedgerDeltaPropertiesTest {
    private static final Comparator<ScopeKey> SCOPE_ORDER = Comparator.comparing(ScopeKey::encode);

    /**
     * List sizes always drawn at their maximum, as the seeded version drew them; shrinking still goes down to the
     * minimum size.
     */
    private static final RandomDistribution FULL_SIZE = (genSize, min, max, center) -> random -> max;

    private record SignedCaseFact(CaseFact fact, int sign) {
    }

    /**
     * Up to 60 cases and 15 enforcement closures, shuffled, a fifth taken back, cut into at most 40 batches: a failure
     * shrinks to the fewest batches of the fewest facts (see {@link #batchedHistories()}).
     */
    @Property(tries = 150, edgeCases = EdgeCasesMode.NONE)
    void shouldGiveTheSameLedgersWhateverTheSplitIntoBatches(
            @ForAll("batchedHistories") List<List<SignedCaseFact>> batches) {
        List<SignedCaseFact> facts = batches.stream().flatMap(List::stream).toList();

        InMemoryLedgers oneByOne = new InMemoryLedgers();
        Map<ScopeKey, Set<YearMonth>> marksOneByOne = new TreeMap<>(SCOPE_ORDER);
        for (SignedCaseFact f : facts) {
            List<String> written = LedgerUpdates.apply(f.fact(), f.sign(), Facts.ANCESTORS, oneByOne);
            YearMonth latest = written.stream().map(LedgerUpdates::monthOf).filter(m -> m != null)
                    .max(YearMonth::compareTo).orElse(null);
            if (latest != null) {
                written.forEach(k -> marksOneByOne.computeIfAbsent(ScopeKey.parse(k), s -> new TreeSet<>()).add(latest));
            }
        }

        InMemoryLedgers batched = new InMemoryLedgers();
        Map<ScopeKey, Set<YearMonth>> marksBatched = new TreeMap<>(SCOPE_ORDER);
        for (List<SignedCaseFact> batch : batches) {
            Map<ScopeKey, byte[]> pending = new LinkedHashMap<>(); // as the aggregator's store keeps them: bytes
            for (SignedCaseFact f : batch) {
                ScopeKey attribution = Scopes.attribution(f.fact());
                LedgerDelta sum = pending.containsKey(attribution)
                        ? LedgerDelta.fromBytes(pending.get(attribution)) : new LedgerDelta();
                sum.add(f.fact(), f.sign());
                pending.put(attribution, sum.toBytes());
            }
            Map<ScopeKey, LedgerDelta> byAttribution = new LinkedHashMap<>();
            pending.forEach((k, v) -> byAttribution.put(k, LedgerDelta.fromBytes(v)));
            Scopes.fanOutAll(byAttribution, Facts.ANCESTORS).forEach((scope, delta) -> {
                LedgerDelta sent = LedgerDelta.fromBytes(delta.toBytes()); // as the deltas topic carries it
                sent.applyTo(scope, batched);
                if (!sent.marks().isEmpty()) {
                    marksBatched.computeIfAbsent(scope, s -> new TreeSet<>()).addAll(sent.marks());
                }
            });
        }

        assertThat(batched.asMap()).isEqualTo(oneByOne.asMap());
        assertThat(marksBatched).isEqualTo(marksOneByOne);
    }

    @Test
    void shouldMergeCountsSumsAndHistogramsExactly() {
        CaseFact a = Facts.closed("a", "湘0211", "CIVIL", "FIRST", "2025-01-10", "2025-03-20", "JUDGMENT", true, 69);
        CaseFact b = Facts.closed("b", "湘0211", "CIVIL", "FIRST", "2024-12-01", "2025-03-25", "JUDGMENT", false, 114);
        CaseFact c = Facts.enforcementClosed("c", "湘0211", "2025-02-01", "2025-03-28", "ENFORCEMENT_COMPLETED",
                "1000.05", "250.10");
        LedgerDelta sum = LedgerDelta.of(a, 1).addAll(LedgerDelta.of(b, 1)).addAll(LedgerDelta.of(c, 1));
        MonthLedger march = sum.months().get(YearMonth.of(2025, 3));
        assertThat(march.get(Counter.CLOSURES)).isEqualTo(3);
        assertThat(march.get(Counter.DURATION_SUM)).isEqualTo(69 + 114);
        assertThat(march.get(Counter.DURATION_HISTOGRAM, 6)).isEqualTo(1);
        assertThat(march.get(Counter.DURATION_HISTOGRAM, 11)).isEqualTo(1);
        assertThat(march.get(Counter.ENFORCEMENT_CLAIMED)).isEqualTo(100_005);
        assertThat(march.get(Counter.ENFORCEMENT_PAID)).isEqualTo(25_010);
        assertThat(sum.total().get(Counter.PENDING_DELTA)).isEqualTo(-3);
        // Each fact marks the latest month it wrote; filing months only hold age counters.
        assertThat(sum.marks()).containsExactly(YearMonth.of(2025, 3));
        assertThat(sum.months()).containsKeys(YearMonth.of(2024, 12), YearMonth.of(2025, 1), YearMonth.of(2025, 2));
        assertThat(LedgerDelta.fromBytes(sum.toBytes())).isEqualTo(sum);
    }

    @Test
    void shouldLeaveNoLedgerWhenAFactAndItsCorrectionMeetInOneBatch() {
        CaseFact filing = Facts.filed("a", "湘0211", "CIVIL", "2025-03-03", true);
        LedgerDelta sum = LedgerDelta.of(filing, 1).addAll(LedgerDelta.of(filing, -1));
        InMemoryLedgers store = new InMemoryLedgers();
        assertThat(sum.applyTo(new ScopeKey(new CourtId("湘0211"), false, "CIVIL"), store)).isEmpty();
        assertThat(store.size()).isZero();
        // The month is still marked: its periods are republished, as applying the two facts one by one would.
        assertThat(sum.marks()).containsExactly(YearMonth.of(2025, 3));
    }

    @Test
    void shouldRefuseBytesItCannotRead() {
        byte[] bytes = LedgerDelta.of(Facts.filed("a", "湘0211", "CIVIL", "2025-03-03", true), 1).toBytes();
        assertThatThrownBy(() -> LedgerDelta.fromBytes(new byte[] {7})).isInstanceOf(IndicatorException.class)
                .hasMessageContaining("version");
        assertThatThrownBy(() -> LedgerDelta.fromBytes(Arrays.copyOf(bytes, bytes.length - 1)))
                .isInstanceOf(IndicatorException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> LedgerDelta.fromBytes(Arrays.copyOf(bytes, bytes.length + 1)))
                .isInstanceOf(IndicatorException.class).hasMessageContaining("trailing");
        assertThat(LedgerDelta.of(CaseFact.simple(FactKind.LINEAGE, "a", "湘0211", Category.CIVIL, Instance.FIRST,
                LocalDate.of(2025, 3, 3), false), 1).isEmpty()).isTrue();
    }

    /** One case of {@link ScopeTreeAndCorrectionsTest#randomFacts}: filed, a third overdue, half closed, one hearing. */
    private record CaseDraw(String court, Category category, int filedDay, boolean overdue, boolean closed,
                            int closedAfter, boolean originating, boolean hearingFlag) {
        List<CaseFact> facts(String id) {
            LocalDate filedOn = LocalDate.of(2021, 1, 1).plusDays(filedDay);
            List<CaseFact> out = new ArrayList<>();
            out.add(new CaseFact(FactKind.FILED, id, court, category, Instance.FIRST, filedOn, filedOn, null, null, null,
                    null, null, originating));
            if (overdue) {
                out.add(new CaseFact(FactKind.OVERDUE_STARTED, id, court, category, Instance.FIRST, filedOn.plusDays(181),
                        filedOn, null, null, null, null, null, false));
            }
            if (closed) {
                out.add(new CaseFact(FactKind.CLOSED, id, court, category, Instance.FIRST, filedOn.plusDays(closedAfter),
                        filedOn, Disposition.JUDGMENT, closedAfter < 180, closedAfter, null, null, false));
            }
            out.add(new CaseFact(FactKind.HEARING_HELD, id, court, category, Instance.FIRST, filedOn.plusDays(20), null,
                    null, null, null, null, null, hearingFlag));
            return out;
        }
    }

    /** The closure of an enforcement case at a basic court, with its claim and what was paid. */
    private record EnforcementDraw(String court, int filedDay, int closedAfter, boolean completed, int claimed,
                                   int paid) {
        CaseFact fact(String id) {
            LocalDate filed = LocalDate.of(2024, 1, 1).plusDays(filedDay);
            return new CaseFact(FactKind.CLOSED, id, court, Category.ENFORCEMENT, Instance.ENFORCEMENT,
                    filed.plusDays(closedAfter), filed,
                    completed ? Disposition.ENFORCEMENT_COMPLETED : Disposition.ENFORCEMENT_TERMINATED, null, null,
                    new BigDecimal(claimed + ".25"), new BigDecimal(paid + ".5"), false);
        }
    }

    /**
     * Facts of the city's courts, some closures of enforcement cases with money, shuffled, some taken back later, cut
     * into at most 40 consecutive non-empty batches. Sizes are drawn at their maximum (60 cases, 15 enforcement
     * closures, a fifth of the facts corrected, as the seeded version drew them) and shrink towards one case, no
     * correction and one batch; no edge cases, so that every try is a full history.
     */
    @Provide
    Arbitrary<List<List<SignedCaseFact>>> batchedHistories() {
        List<String> courts = new ArrayList<>(Facts.BASIC);
        courts.add("湘02");
        Arbitrary<CaseDraw> cases = Combinators.combine(Arbitraries.of(courts), Arbitraries.of(Category.values()),
                        uniform(0, 1639), uniform(0, 2).map(third -> third == 2), Arbitraries.of(false, true),
                        uniform(0, 399), Arbitraries.of(false, true), Arbitraries.of(false, true))
                .as(CaseDraw::new);
        Arbitrary<EnforcementDraw> enforcement = Combinators.combine(Arbitraries.of(Facts.BASIC), uniform(0, 499),
                        uniform(0, 199), Arbitraries.of(true, false), uniform(0, 99_999), uniform(0, 999))
                .as(EnforcementDraw::new);
        return Combinators.combine(cases.list().ofMinSize(1).ofMaxSize(60).withSizeDistribution(FULL_SIZE),
                        enforcement.list().ofMaxSize(15).withSizeDistribution(FULL_SIZE))
                .as(LedgerDeltaPropertiesTest::signedFacts)
                .flatMap(Arbitraries::shuffle)
                .flatMap(facts -> uniform(0, 99_999).list().ofSize(2).list().ofMaxSize(facts.size() / 5)
                        .withSizeDistribution(FULL_SIZE).map(corrections -> corrected(facts, corrections)))
                .flatMap(facts -> facts.size() < 2 ? Arbitraries.just(List.of(facts))
                        : uniform(1, facts.size() - 1).set().ofMaxSize(Math.min(40, facts.size()) - 1)
                        .withSizeDistribution(RandomDistribution.uniform()).map(cuts -> split(facts, cuts)));
    }

    private static Arbitrary<Integer> uniform(int min, int max) {
        return Arbitraries.integers().between(min, max).withDistribution(RandomDistribution.uniform());
    }

    private static List<SignedCaseFact> signedFacts(List<CaseDraw> cases, List<EnforcementDraw> enforcement) {
        List<SignedCaseFact> out = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            cases.get(i).facts("c" + i).forEach(f -> out.add(new SignedCaseFact(f, 1)));
        }
        for (int i = 0; i < enforcement.size(); i++) {
            out.add(new SignedCaseFact(enforcement.get(i).fact("e" + i), 1));
        }
        return out;
    }

    /** Each correction [taken, at] takes back a fact (or a correction) already there and inserts it anywhere. */
    private static List<SignedCaseFact> corrected(List<SignedCaseFact> facts, List<List<Integer>> corrections) {
        List<SignedCaseFact> out = new ArrayList<>(facts);
        for (List<Integer> c : corrections) {
            SignedCaseFact taken = out.get(c.get(0) % out.size());
            out.add(c.get(1) % (out.size() + 1), new SignedCaseFact(taken.fact(), -taken.sign()));
        }
        return out;
    }

    /** {@code facts} cut before each index of {@code cuts} into consecutive, non-empty runs. */
    private static List<List<SignedCaseFact>> split(List<SignedCaseFact> facts, Set<Integer> cuts) {
        List<List<SignedCaseFact>> out = new ArrayList<>();
        int from = 0;
        for (int cut : new TreeSet<>(cuts)) {
            out.add(facts.subList(from, cut));
            from = cut;
        }
        out.add(facts.subList(from, facts.size()));
        return out;
    }
}
