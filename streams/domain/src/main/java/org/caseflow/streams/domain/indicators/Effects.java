package org.caseflow.streams.domain.indicators;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.caseflow.streams.domain.cases.Disposition;
import org.caseflow.streams.domain.rules.Instance;

/**
 * Which counters of which months one fact moves. Pure and O(1): a fact touches at most two months (the month of its
 * date and, for a closure, its filing month) and about a dozen counters, whatever the number of open cases.
 */
public final class Effects {
    private Effects() {
    }

    /**
     * The deltas of {@code fact} applied with {@code sign} +1 (the fact happened) or −1 (a late correction removes it,
     * e.g. a closure found to be a duplicate). Applying +1 then −1 leaves every ledger as it was.
     */
    public static List<Effect> of(CaseFact fact, int sign) {
        if (sign != 1 && sign != -1) {
            throw new IllegalArgumentException("sign must be +1 or -1, was " + sign);
        }
        List<Effect> out = new ArrayList<>(12);
        YearMonth m = YearMonth.from(fact.date());
        switch (fact.kind()) {
            case FILED -> {
                YearMonth filed = YearMonth.from(fact.filedOn() != null ? fact.filedOn() : fact.date());
                out.add(Effect.of(filed, Counter.FILINGS, sign));
                if (fact.flag()) {
                    out.add(Effect.of(filed, Counter.ORIGINATING_FILINGS, sign));
                }
                out.add(Effect.of(filed, Counter.OPEN_FROM_THIS_MONTH, sign));
                out.add(Effect.of(filed, Counter.PENDING_DELTA, sign));
            }
            case CLOSED -> closed(fact, sign, m, out);
            case OVERDUE_STARTED -> out.add(Effect.of(m, Counter.OVERDUE_DELTA, sign));
            case OVERDUE_ENDED -> out.add(Effect.of(m, Counter.OVERDUE_DELTA, -sign));
            case APPEALED -> out.add(Effect.of(m, Counter.APPEALS, sign));
            case APPEAL_DECIDED -> {
                if (fact.isReversedOrRemanded()) {
                    out.add(Effect.of(m, Counter.APPEALS_REVERSED_REMANDED, sign));
                }
            }
            case RETRIAL_PETITIONED -> out.add(Effect.of(m, Counter.RETRIAL_PETITIONS, sign));
            case RETRIAL_DECIDED -> {
                out.add(Effect.of(m, Counter.RETRIAL_CLOSURES, sign));
                if (fact.isReversedOrRemanded()) {
                    out.add(Effect.of(m, Counter.RETRIALS_REVERSED_REMANDED, sign));
                }
            }
            case PERFORMANCE_OBSERVED -> {
                out.add(Effect.of(m, Counter.PERFORMANCE_OBSERVED, sign));
                if (fact.flag()) {
                    out.add(Effect.of(m, Counter.PERFORMED_VOLUNTARILY, sign));
                }
            }
            case HEARING_HELD -> {
                out.add(Effect.of(m, Counter.HEARINGS_HELD, sign));
                if (fact.flag()) {
                    out.add(Effect.of(m, Counter.HEARINGS_ON_FIRST_DATE, sign));
                }
            }
            case LINEAGE -> {
                // Counted per root by the lineage view (LineageTop); no monthly counter.
            }
            default -> throw new IllegalStateException("unhandled fact kind " + fact.kind());
        }
        return out;
    }

    private static void closed(CaseFact fact, int sign, YearMonth m, List<Effect> out) {
        out.add(Effect.of(m, Counter.CLOSURES, sign));
        out.add(Effect.of(m, Counter.PENDING_DELTA, -sign));
        if (fact.onTime() != null) {
            out.add(Effect.of(m, Counter.CLOSURES_WITH_DEADLINE, sign));
            if (fact.onTime()) {
                out.add(Effect.of(m, Counter.CLOSURES_ON_TIME, sign));
            }
        }
        if (fact.durationDays() != null) {
            out.add(Effect.of(m, Counter.DURATION_SUM, (long) sign * fact.durationDays()));
            out.add(Effect.of(m, Counter.DURATION_COUNT, sign));
            out.add(new Effect(m, Counter.DURATION_HISTOGRAM, DurationHistogram.bucket(fact.durationDays()), sign));
        }
        if (fact.instance() == Instance.FIRST) {
            out.add(Effect.of(m, Counter.FIRST_INSTANCE_CLOSURES, sign));
        }
        if (fact.instance() == Instance.ENFORCEMENT) {
            out.add(Effect.of(m, Counter.ENFORCEMENT_CLOSURES, sign));
            if (fact.disposition() == Disposition.ENFORCEMENT_COMPLETED) {
                out.add(Effect.of(m, Counter.ENFORCEMENT_COMPLETED, sign));
            }
            // DOMAIN §4 recovery rate = paid / applied for, over the same cases: a closure with no claim amount
            // (unknown, not zero) counts in neither sum, else its payments would push the rate above 1.
            if (fact.amount() != null) {
                out.add(Effect.of(m, Counter.ENFORCEMENT_CLAIMED, sign * CaseFact.cents(fact.amount())));
                out.add(Effect.of(m, Counter.ENFORCEMENT_PAID, sign * CaseFact.cents(fact.paidAmount())));
            }
        }
        LocalDate filedOn = fact.filedOn();
        YearMonth filed = YearMonth.from(filedOn);
        out.add(Effect.of(filed, Counter.OPEN_FROM_THIS_MONTH, -sign));
        out.add(new Effect(filed, Counter.CLOSED_AT_AGE, Ages.slot(filed, m), sign));
    }
}
