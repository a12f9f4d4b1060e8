package org.caseflow.streams.domain.indicators;

import static org.caseflow.streams.domain.indicators.Counter.APPEALS;
import static org.caseflow.streams.domain.indicators.Counter.APPEALS_REVERSED_REMANDED;
import static org.caseflow.streams.domain.indicators.Counter.CLOSURES;
import static org.caseflow.streams.domain.indicators.Counter.CLOSURES_ON_TIME;
import static org.caseflow.streams.domain.indicators.Counter.CLOSURES_WITH_DEADLINE;
import static org.caseflow.streams.domain.indicators.Counter.DURATION_COUNT;
import static org.caseflow.streams.domain.indicators.Counter.DURATION_HISTOGRAM;
import static org.caseflow.streams.domain.indicators.Counter.DURATION_SUM;
import static org.caseflow.streams.domain.indicators.Counter.ENFORCEMENT_CLAIMED;
import static org.caseflow.streams.domain.indicators.Counter.ENFORCEMENT_CLOSURES;
import static org.caseflow.streams.domain.indicators.Counter.ENFORCEMENT_COMPLETED;
import static org.caseflow.streams.domain.indicators.Counter.ENFORCEMENT_PAID;
import static org.caseflow.streams.domain.indicators.Counter.FILINGS;
import static org.caseflow.streams.domain.indicators.Counter.FIRST_INSTANCE_CLOSURES;
import static org.caseflow.streams.domain.indicators.Counter.HEARINGS_HELD;
import static org.caseflow.streams.domain.indicators.Counter.HEARINGS_ON_FIRST_DATE;
import static org.caseflow.streams.domain.indicators.Counter.ORIGINATING_FILINGS;
import static org.caseflow.streams.domain.indicators.Counter.OVERDUE_DELTA;
import static org.caseflow.streams.domain.indicators.Counter.PERFORMANCE_OBSERVED;
import static org.caseflow.streams.domain.indicators.Counter.PERFORMED_VOLUNTARILY;
import static org.caseflow.streams.domain.indicators.Counter.RETRIALS_REVERSED_REMANDED;
import static org.caseflow.streams.domain.indicators.Counter.RETRIAL_PETITIONS;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Every indicator the calculator knows, code → formula (DOMAIN.md §4; the text is in indicators.yaml). */
final class Formulas {
    static final Map<String, Function<Frame, Measure>> ALL;

    static {
        Map<String, Function<Frame, Measure>> f = new LinkedHashMap<>();
        f.put("FILINGS", w -> Measure.count(w.sum(FILINGS)));
        f.put("CLOSURES", w -> Measure.count(w.sum(CLOSURES)));
        f.put("PENDING", w -> Measure.count(w.pendingAt(w.eval)));
        f.put("CLEARANCE_RATE", w -> Measure.ratio(w.sum(CLOSURES), w.sum(FILINGS)));
        f.put("CLOSURE_RATE", w -> Measure.ratio(w.sum(CLOSURES), w.pendingAt(w.from.minusMonths(1)) + w.sum(FILINGS)));
        f.put("ON_TIME_CLOSURE_RATE", w -> Measure.ratio(w.sum(CLOSURES_ON_TIME), w.sum(CLOSURES_WITH_DEADLINE)));
        f.put("AVG_DURATION_DAYS", w -> Measure.ratio(w.sum(DURATION_SUM), w.sum(DURATION_COUNT)));
        f.put("DURATION_P50_DAYS", w -> percentile(w, 0.5));
        f.put("DURATION_P90_DAYS", w -> percentile(w, 0.9));
        f.put("OVERDUE_PENDING", w -> Measure.count(w.stockAt(OVERDUE_DELTA, w.eval)));
        f.put("PENDING_OVER_12M", w -> olderThan(w, 12));
        f.put("PENDING_OVER_18M", w -> olderThan(w, 18));
        f.put("PENDING_OVER_36M", w -> olderThan(w, 36));
        f.put("PENDING_AGE_0_1M", w -> ageBucket(w, 0, 1));
        f.put("PENDING_AGE_1_3M", w -> ageBucket(w, 1, 3));
        f.put("PENDING_AGE_3_6M", w -> ageBucket(w, 3, 6));
        f.put("PENDING_AGE_6_12M", w -> ageBucket(w, 6, 12));
        f.put("PENDING_AGE_12_18M", w -> ageBucket(w, 12, 18));
        f.put("PENDING_AGE_18_36M", w -> ageBucket(w, 18, 36));
        f.put("PENDING_AGE_36M_PLUS", w -> ageBucket(w, 36, Ages.SLOTS));
        f.put("APPEAL_RATE", w -> Measure.ratio(w.sum(APPEALS), w.sum(FIRST_INSTANCE_CLOSURES)));
        f.put("RETRIAL_PETITION_RATE", w -> Measure.ratio(w.sum(RETRIAL_PETITIONS), w.sum(CLOSURES)));
        f.put("APPEAL_REVERSED_REMANDED_RATE",
                w -> Measure.ratio(w.sum(APPEALS_REVERSED_REMANDED), w.sum(FIRST_INSTANCE_CLOSURES)));
        f.put("RETRIAL_REVERSED_REMANDED_RATE", w -> Measure.ratio(w.sum(RETRIALS_REVERSED_REMANDED), w.sum(CLOSURES)));
        f.put("ENFORCEMENT_COMPLETION_RATE",
                w -> Measure.ratio(w.sum(ENFORCEMENT_COMPLETED), w.sum(ENFORCEMENT_CLOSURES)));
        // Money is kept in cents; numerator and denominator are reported in yuan.
        f.put("ENFORCEMENT_RECOVERY_RATE",
                w -> Measure.ratio(w.sum(ENFORCEMENT_PAID) / 100.0, w.sum(ENFORCEMENT_CLAIMED) / 100.0));
        f.put("VOLUNTARY_PERFORMANCE_RATE",
                w -> Measure.ratio(w.sum(PERFORMED_VOLUNTARILY), w.sum(PERFORMANCE_OBSERVED)));
        f.put("CASE_MATTER_RATIO", w -> Measure.ratio(w.sum(FILINGS), w.sum(ORIGINATING_FILINGS)));
        f.put("TRIAL_DATE_CERTAINTY", w -> Measure.ratio(w.sum(HEARINGS_ON_FIRST_DATE), w.sum(HEARINGS_HELD)));
        // CEPEJ DT: 365 × pending at the end / closures of the 12 months ending there, whatever the window.
        f.put("DISPOSITION_TIME_DAYS", w -> Measure.ratio(365.0 * w.pendingAt(w.eval),
                w.sum(CLOSURES, w.eval.minusMonths(11), w.eval)));
        ALL = Collections.unmodifiableMap(f);
    }

    private Formulas() {
    }

    private static Measure percentile(Frame w, double p) {
        long[] h = w.sumSlots(DURATION_HISTOGRAM);
        long n = 0;
        for (long c : h) {
            n += c;
        }
        return new Measure(DurationHistogram.percentile(h, p), null, (double) n);
    }

    /** Open cases aged ≥ months (e − filing month) / open cases, at the evaluation month. */
    private static Measure olderThan(Frame w, int months) {
        long[] open = w.openByAge(w.eval);
        long total = 0;
        long old = 0;
        for (int a = 0; a < open.length; a++) {
            total += open[a];
            old += a >= months ? open[a] : 0;
        }
        return Measure.ratio(old, total);
    }

    /** Open cases whose age in months a satisfies from ≤ a < to (slot 36 = 36 and more). */
    private static Measure ageBucket(Frame w, int from, int to) {
        long[] open = w.openByAge(w.eval);
        long n = 0;
        for (int a = from; a < to; a++) {
            n += open[a];
        }
        return Measure.count(n);
    }
}
