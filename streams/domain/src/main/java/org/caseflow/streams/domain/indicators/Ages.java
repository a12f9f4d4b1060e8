package org.caseflow.streams.domain.indicators;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/** Month arithmetic for the age of pending cases: age = months from the filing month to the evaluation month. */
final class Ages {
    /** Offsets 0..35 exactly, then one slot for 36 and more. */
    static final int SLOTS = 37;
    static final int EXACT = SLOTS - 1;

    private Ages() {
    }

    static int monthsBetween(YearMonth from, YearMonth to) {
        return (int) ChronoUnit.MONTHS.between(from, to);
    }

    static int slot(YearMonth filed, YearMonth closed) {
        return Math.max(0, Math.min(EXACT, monthsBetween(filed, closed)));
    }
}
