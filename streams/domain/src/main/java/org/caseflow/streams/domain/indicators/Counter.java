package org.caseflow.streams.domain.indicators;

/**
 * The counters of one {@link MonthLedger}. Most are scalars; {@link #DURATION_HISTOGRAM} and {@link #CLOSED_AT_AGE}
 * are small arrays. Stock counters are also summed into the scope's total ledger so that a stock at any month end
 * is the total minus the later months (see docs/indicators.md).
 *
 * <p>Ordinals are persisted in {@link MonthLedger#toBytes()}: append new counters at the end, never reorder.
 */
public enum Counter {
    FILINGS,
    ORIGINATING_FILINGS,
    CLOSURES,
    CLOSURES_WITH_DEADLINE,
    CLOSURES_ON_TIME,
    DURATION_SUM,
    DURATION_COUNT,
    FIRST_INSTANCE_CLOSURES,
    APPEALS,
    APPEALS_REVERSED_REMANDED,
    RETRIAL_PETITIONS,
    RETRIAL_CLOSURES,
    RETRIALS_REVERSED_REMANDED,
    ENFORCEMENT_CLOSURES,
    ENFORCEMENT_COMPLETED,
    /** Money, exact cents. */
    ENFORCEMENT_CLAIMED,
    /** Money, exact cents. */
    ENFORCEMENT_PAID,
    PERFORMANCE_OBSERVED,
    PERFORMED_VOLUNTARILY,
    HEARINGS_HELD,
    HEARINGS_ON_FIRST_DATE,
    /** Kept in the filing month: filings of this month minus closures (ever) of cases filed this month. */
    OPEN_FROM_THIS_MONTH,
    /** Filings minus closures dated in this month; the pending stock at a month end is the running sum. */
    PENDING_DELTA(1, true),
    /** Overdue started minus ended in this month; overdue-open at a month end is the running sum. */
    OVERDUE_DELTA(1, true),
    /** Closures by duration: bucket i holds durations 10·i .. 10·i+9 days; the last bucket holds ≥ 1100 days. */
    DURATION_HISTOGRAM(DurationHistogram.BUCKETS, false),
    /**
     * Kept in the filing month: closures of cases filed this month by closing-month offset k (0..35), the last slot
     * holding offsets ≥ 36. Gives the cases of this filing month still open at any later month end.
     */
    CLOSED_AT_AGE(Ages.SLOTS, false);

    private final int size;
    private final boolean stock;

    Counter() {
        this(1, false);
    }

    Counter(int size, boolean stock) {
        this.size = size;
        this.stock = stock;
    }

    /** Number of slots (1 for scalars). */
    public int size() {
        return size;
    }

    /** True for counters whose running sum is a stock; they are also added to the scope's total ledger. */
    public boolean isStock() {
        return stock;
    }
}
