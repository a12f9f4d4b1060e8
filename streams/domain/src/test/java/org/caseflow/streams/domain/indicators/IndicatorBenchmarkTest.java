package org.caseflow.streams.domain.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.caseflow.streams.domain.cases.Disposition;
import org.caseflow.streams.domain.rules.Category;
import org.caseflow.streams.domain.rules.Instance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Per-fact maintenance cost with 10k and with 1M distinct open cases. The store holds serialised bytes, as the
 * Kafka Streams key-value store does, so each fact pays the real decode/encode of every ledger it touches.
 */
@Tag("benchmark")
class IndicatorBenchmarkTest {
    private static final String[] CATEGORIES = {"CIVIL", "CRIMINAL", "ADMINISTRATIVE", "ENFORCEMENT"};

    @Test
    void shouldCostTheSamePerFactWhateverTheNumberOfOpenCases() {
        measure(10_000); // JIT warm-up, discarded
        double small = measure(10_000);
        double large = measure(1_000_000);
        System.out.printf("indicator maintenance: %.0f ns/fact at 10k open cases, %.0f ns/fact at 1M open cases%n",
                small, large);
        assertThat(large).isLessThan(3 * small);
    }

    /**
     * Issue 8: the same facts summed per attribution (court alone × category, as serialised bytes like the pending
     * store) and fanned out once per batch, against one by one. Prints ns/fact of both paths; a batch is what one
     * case partition sees in one second at a bulk-load rate.
     */
    @Test
    void shouldCostLessPerFactWhenSummedPerBatchAndFannedOutOnce() {
        int open = 100_000;
        CaseFact[] facts = facts(new Random(3), open, 200_000);
        oneByOne(preloaded(new Random(4), open), facts); // JIT warm-up, discarded
        batched(preloaded(new Random(4), open), facts, 1_000);
        double single = oneByOne(preloaded(new Random(4), open), facts);
        for (int batch : new int[] {100, 1_000, 5_000}) {
            double summed = batched(preloaded(new Random(4), open), facts, batch);
            System.out.printf("indicator maintenance: %.0f ns/fact one by one, %.0f ns/fact summed in batches of %d"
                    + " (aggregation + fan-out + ledger update)%n", single, summed, batch);
        }
    }

    private static double oneByOne(BytesStore store, CaseFact[] facts) {
        long t0 = System.nanoTime();
        for (CaseFact f : facts) {
            LedgerUpdates.apply(f, 1, Facts.ANCESTORS, store);
        }
        return (System.nanoTime() - t0) / (double) facts.length;
    }

    /** The aggregator's work (pending sums as bytes per attribution and month) and the indicator processor's. */
    private static double batched(BytesStore store, CaseFact[] facts, int batch) {
        long t0 = System.nanoTime();
        BytesStore pending = new BytesStore();
        Map<ScopeKey, Set<YearMonth>> marks = new HashMap<>();
        for (int i = 0; i < facts.length; i++) {
            ScopeKey attribution = Scopes.attribution(facts[i]);
            LedgerDelta.of(facts[i], 1).applyTo(attribution, pending);
            marks.computeIfAbsent(attribution, k -> new HashSet<>()).add(YearMonth.from(facts[i].date()));
            if ((i + 1) % batch == 0 || i == facts.length - 1) {
                Map<ScopeKey, LedgerDelta> byAttribution = new HashMap<>();
                pending.bytes.forEach((k, v) -> {
                    LedgerDelta d = byAttribution.computeIfAbsent(ScopeKey.parse(k), s -> new LedgerDelta());
                    YearMonth m = LedgerUpdates.monthOf(k);
                    if (m == null) {
                        d.addTotal(MonthLedger.fromBytes(v));
                    } else {
                        d.addMonth(m, MonthLedger.fromBytes(v), marks.get(ScopeKey.parse(k)).contains(m));
                    }
                });
                Scopes.fanOutAll(byAttribution, Facts.ANCESTORS).forEach((scope, delta) ->
                        LedgerDelta.fromBytes(delta.toBytes()).applyTo(scope, store));
                pending.bytes.clear();
                marks.clear();
            }
        }
        return (System.nanoTime() - t0) / (double) facts.length;
    }

    private static double measure(int openCases) {
        Random random = new Random(openCases);
        BytesStore store = preloaded(random, openCases);
        return oneByOne(store, facts(random, openCases, 200_000));
    }

    /** A store with {@code openCases} filings from 2022 on. */
    private static BytesStore preloaded(Random random, int openCases) {
        BytesStore store = new BytesStore();
        LocalDate start = LocalDate.of(2022, 1, 1);
        for (int i = 0; i < openCases; i++) {
            LedgerUpdates.apply(filing(random, "o" + i, start.plusDays(random.nextInt(1200))), 1, Facts.ANCESTORS,
                    store);
        }
        return store;
    }

    /** {@code n} mixed facts about {@code openCases} cases filed from 2022 on (filings, closures, hearings, overdue). */
    private static CaseFact[] facts(Random random, int openCases, int n) {
        LocalDate start = LocalDate.of(2022, 1, 1);
        CaseFact[] facts = new CaseFact[n];
        for (int i = 0; i < n; i++) {
            String id = "o" + random.nextInt(openCases);
            LocalDate filedOn = start.plusDays(random.nextInt(1200));
            facts[i] = switch (i % 4) {
                case 0 -> filing(random, "n" + i, filedOn);
                case 1 -> new CaseFact(FactKind.CLOSED, id, court(random), Category.valueOf(CATEGORIES[random.nextInt(4)]), Instance.FIRST,
                        filedOn.plusDays(90), filedOn, Disposition.JUDGMENT, true, 90, null, null, false);
                case 2 -> CaseFact.simple(FactKind.HEARING_HELD, id, court(random), Category.CIVIL, Instance.FIRST,
                        filedOn.plusDays(20), true);
                default -> CaseFact.simple(FactKind.OVERDUE_STARTED, id, court(random), Category.CRIMINAL, Instance.FIRST,
                        filedOn.plusDays(60), false);
            };
        }
        return facts;
    }

    private static CaseFact filing(Random random, String id, LocalDate on) {
        return new CaseFact(FactKind.FILED, id, court(random), Category.valueOf(CATEGORIES[random.nextInt(4)]), Instance.FIRST,
                on, on, null,
                null, null, null, null, random.nextBoolean());
    }

    private static String court(Random random) {
        return Facts.BASIC.get(random.nextInt(Facts.BASIC.size()));
    }

    /** Ledgers as bytes, like a RocksDB-backed key-value store behind a serde. */
    private static final class BytesStore implements LedgerStore {
        private final Map<String, byte[]> bytes = new HashMap<>();

        @Override
        public MonthLedger get(String key) {
            byte[] b = bytes.get(key);
            return b == null ? null : MonthLedger.fromBytes(b);
        }

        @Override
        public void put(String key, MonthLedger ledger) {
            bytes.put(key, ledger.toBytes());
        }
    }
}
