package org.caseflow.streams.domain.indicators;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.caseflow.streams.domain.courts.CourtId;

/**
 * Applies one fact to every ledger it touches: fan-out scopes × the fact's months, plus each scope's running total
 * for the stock counters. At most (2 months + total) × 8 scopes = 24 reads and writes per fact, independent of the
 * number of open cases.
 */
public final class LedgerUpdates {
    private LedgerUpdates() {
    }

    /** Applies {@code fact} with {@code sign} (+1, or −1 for a correction); returns the keys written. */
    public static List<String> apply(CaseFact fact, int sign, Function<CourtId, List<CourtId>> ancestors,
                                     LedgerStore store) {
        List<Effect> effects = Effects.of(fact, sign);
        Map<String, MonthLedger> touched = new LinkedHashMap<>();
        if (!effects.isEmpty()) {
            for (ScopeKey scope : Scopes.fanOut(fact, ancestors)) {
                for (Effect e : effects) {
                    ledger(touched, store, scope.monthKey(e.month())).apply(e);
                    if (e.counter().isStock()) {
                        ledger(touched, store, scope.totalKey()).apply(e);
                    }
                }
            }
        }
        touched.forEach(store::put);
        return List.copyOf(touched.keySet());
    }

    /** The month of a month key, or null for a total key. */
    public static YearMonth monthOf(String key) {
        String suffix = key.substring(key.lastIndexOf('|') + 1);
        return "total".equals(suffix) ? null : YearMonth.parse(suffix);
    }

    private static MonthLedger ledger(Map<String, MonthLedger> touched, LedgerStore store, String key) {
        return touched.computeIfAbsent(key, k -> {
            MonthLedger existing = store.get(k);
            return existing != null ? existing : new MonthLedger();
        });
    }
}
