package org.caseflow.streams.domain.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
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

    private static double measure(int openCases) {
        BytesStore store = new BytesStore();
        Random random = new Random(openCases);
        LocalDate start = LocalDate.of(2022, 1, 1);
        for (int i = 0; i < openCases; i++) {
            LedgerUpdates.apply(filing(random, "o" + i, start.plusDays(random.nextInt(1200))), 1, Facts.ANCESTORS,
                    store);
        }
        int n = 200_000;
        CaseFact[] facts = new CaseFact[n];
        for (int i = 0; i < n; i++) {
            String id = "o" + random.nextInt(openCases);
            LocalDate filedOn = start.plusDays(random.nextInt(1200));
            facts[i] = switch (i % 4) {
                case 0 -> filing(random, "n" + i, filedOn);
                case 1 -> new CaseFact(FactKind.CLOSED, id, court(random), CATEGORIES[random.nextInt(4)], "FIRST",
                        filedOn.plusDays(90), filedOn, "JUDGMENT", true, 90, null, null, false);
                case 2 -> CaseFact.simple(FactKind.HEARING_HELD, id, court(random), "CIVIL", "FIRST",
                        filedOn.plusDays(20), true);
                default -> CaseFact.simple(FactKind.OVERDUE_STARTED, id, court(random), "CRIMINAL", "FIRST",
                        filedOn.plusDays(60), false);
            };
        }
        long t0 = System.nanoTime();
        for (CaseFact f : facts) {
            LedgerUpdates.apply(f, 1, Facts.ANCESTORS, store);
        }
        return (System.nanoTime() - t0) / (double) n;
    }

    private static CaseFact filing(Random random, String id, LocalDate on) {
        return new CaseFact(FactKind.FILED, id, court(random), CATEGORIES[random.nextInt(4)], "FIRST", on, on, null,
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
