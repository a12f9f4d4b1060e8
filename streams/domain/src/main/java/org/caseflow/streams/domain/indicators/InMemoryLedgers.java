package org.caseflow.streams.domain.indicators;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

/** A map-backed {@link LedgerStore} with per-scope {@link LedgerView}s: for tests, benchmarks and small replays. */
public final class InMemoryLedgers implements LedgerStore {
    private final Map<String, MonthLedger> ledgers = new HashMap<>();

    @Override
    public MonthLedger get(String key) {
        return ledgers.get(key);
    }

    @Override
    public void put(String key, MonthLedger ledger) {
        if (ledger.isEmpty()) {
            ledgers.remove(key);
        } else {
            ledgers.put(key, ledger);
        }
    }

    public int size() {
        return ledgers.size();
    }

    /** Every stored ledger by key (a copy of the map; tests compare two stores with it). */
    public Map<String, MonthLedger> asMap() {
        return Map.copyOf(ledgers);
    }

    public LedgerView view(ScopeKey scope) {
        return new LedgerView() {
            @Override
            public MonthLedger month(YearMonth m) {
                return ledgers.getOrDefault(scope.monthKey(m), new MonthLedger());
            }

            @Override
            public MonthLedger total() {
                return ledgers.getOrDefault(scope.totalKey(), new MonthLedger());
            }
        };
    }
}
