package org.caseflow.streams.domain.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
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

    private record SignedCaseFact(CaseFact fact, int sign) {
    }

    @Property(tries = 150)
    void shouldGiveTheSameLedgersWhateverTheSplitIntoBatches(@ForAll long seed,
                                                            @ForAll @IntRange(min = 1, max = 40) int batches) {
        Random random = new Random(seed);
        List<SignedCaseFact> facts = signedFacts(random, 60);

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
        for (List<SignedCaseFact> batch : split(facts, batches, random)) {
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
        assertThat(sum.applyTo(new ScopeKey("湘0211", false, "CIVIL"), store)).isEmpty();
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

    /** Random facts of the city's courts, some closures of enforcement cases with money, some taken back later. */
    private static List<SignedCaseFact> signedFacts(Random random, int cases) {
        List<SignedCaseFact> out = new ArrayList<>();
        for (CaseFact f : ScopeTreeAndCorrectionsTest.randomFacts(random, cases)) {
            out.add(new SignedCaseFact(f, 1));
        }
        for (int i = 0; i < cases / 4; i++) {
            LocalDate filed = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(500));
            out.add(new SignedCaseFact(new CaseFact(FactKind.CLOSED, "e" + i, Facts.BASIC.get(random.nextInt(9)),
                    Category.ENFORCEMENT, Instance.ENFORCEMENT, filed.plusDays(random.nextInt(200)), filed,
                    random.nextBoolean() ? Disposition.ENFORCEMENT_COMPLETED : Disposition.ENFORCEMENT_TERMINATED, null, null,
                    new BigDecimal(random.nextInt(100_000) + ".25"), new BigDecimal(random.nextInt(1_000) + ".5"),
                    false), 1));
        }
        Collections.shuffle(out, random);
        int corrections = out.size() / 5;
        for (int i = 0; i < corrections; i++) {
            SignedCaseFact taken = out.get(random.nextInt(out.size()));
            out.add(random.nextInt(out.size()), new SignedCaseFact(taken.fact(), -taken.sign()));
        }
        return out;
    }

    /** {@code facts} cut into at most {@code batches} consecutive, non-empty runs at random points. */
    private static List<List<SignedCaseFact>> split(List<SignedCaseFact> facts, int batches, Random random) {
        Set<Integer> cuts = new TreeSet<>();
        while (cuts.size() < Math.min(batches, facts.size()) - 1) {
            cuts.add(1 + random.nextInt(facts.size() - 1));
        }
        List<List<SignedCaseFact>> out = new ArrayList<>();
        int from = 0;
        for (int cut : cuts) {
            out.add(facts.subList(from, cut));
            from = cut;
        }
        out.add(facts.subList(from, facts.size()));
        return out;
    }
}
