package org.caseflow.streams.domain.indicators;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

/** Read access to the ledgers of one scope, as the calculator needs them. Implementations never return null. */
public interface LedgerView {
    /** The ledger of month {@code m}; an empty ledger when absent. Callers do not mutate it. */
    MonthLedger month(YearMonth m);

    /** The running total of the stock counters over every month ever applied; empty when absent. */
    MonthLedger total();

    /** A view that reads each ledger at most once (one indicator batch reads the same months many times). */
    static LedgerView cached(LedgerView delegate) {
        Map<YearMonth, MonthLedger> months = new HashMap<>();
        MonthLedger[] total = new MonthLedger[1];
        return new LedgerView() {
            @Override
            public MonthLedger month(YearMonth m) {
                return months.computeIfAbsent(m, delegate::month);
            }

            @Override
            public MonthLedger total() {
                if (total[0] == null) {
                    total[0] = delegate.total();
                }
                return total[0];
            }
        };
    }
}
