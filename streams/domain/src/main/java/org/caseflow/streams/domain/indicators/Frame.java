package org.caseflow.streams.domain.indicators;

import java.time.YearMonth;

/**
 * One evaluation of one window over one scope's ledgers: the flow months [from, to], the month point-in-time
 * indicators are evaluated at, and the horizon (the latest month that may hold data, asOf's month + 1).
 *
 * <p>A stock at the end of month e = the scope's running total − the deltas of the months after e up to the
 * horizon. This reads only the months between e and now (at most ~37 for the windows and their 同比), yet stays exact
 * for cases of any age because the total absorbs every month ever applied.
 */
final class Frame {
    final YearMonth from;
    final YearMonth to;
    final YearMonth eval;
    private final YearMonth horizon;
    private final LedgerView view;

    Frame(YearMonth from, YearMonth to, YearMonth eval, YearMonth horizon, LedgerView view) {
        this.from = from;
        this.to = to;
        this.eval = eval;
        this.horizon = horizon;
        this.view = view;
    }

    Frame previousYear() {
        return new Frame(from.minusYears(1), to.minusYears(1), eval.minusYears(1), horizon, view);
    }

    MonthLedger month(YearMonth m) {
        return view.month(m);
    }

    /** Sum of a scalar counter over the window's months. */
    long sum(Counter c) {
        return sum(c, from, to);
    }

    long sum(Counter c, YearMonth first, YearMonth last) {
        long s = 0;
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            s += view.month(m).get(c);
        }
        return s;
    }

    /** Slot-wise sum of an array counter over the window's months. */
    long[] sumSlots(Counter c) {
        long[] s = new long[c.size()];
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            long[] x = view.month(m).slots(c);
            for (int i = 0; i < s.length; i++) {
                s[i] += x[i];
            }
        }
        return s;
    }

    /** A stock counter's running sum at the end of month e. */
    long stockAt(Counter stock, YearMonth e) {
        long later = e.isBefore(horizon) ? sum(stock, e.plusMonths(1), horizon) : 0;
        return view.total().get(stock) - later;
    }

    long pendingAt(YearMonth e) {
        return stockAt(Counter.PENDING_DELTA, e);
    }

    /**
     * Cases open at the end of month e by age in months (e − filing month): slots 0..35 exactly, slot 36 for 36 and
     * more (the rest of the pending stock).
     */
    long[] openByAge(YearMonth e) {
        long[] open = new long[Ages.SLOTS];
        long young = 0;
        for (int a = 0; a < Ages.EXACT; a++) {
            MonthLedger filed = view.month(e.minusMonths(a));
            long closed = 0;
            for (int k = 0; k <= a; k++) {
                closed += filed.get(Counter.CLOSED_AT_AGE, k);
            }
            open[a] = filed.get(Counter.FILINGS) - closed;
            young += open[a];
        }
        open[Ages.EXACT] = pendingAt(e) - young;
        return open;
    }
}
