package org.caseflow.streams.runtime.simulator;

import static java.time.temporal.ChronoUnit.DAYS;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.caseflow.events.Disposition;
import org.caseflow.events.EnforcementAction;
import org.caseflow.events.EnforcementActionType;
import org.caseflow.events.EnforcementPayment;

/**
 * Enforcement actions and payments between assignment and closure. An asset inquiry always comes
 * first; a completed case (执行完毕) is paid in full, a case terminated for this round (终本) gets at
 * most a partial payment. Payments never exceed the amount applied for.
 */
final class EnforcementSteps {
    private EnforcementSteps() {
    }

    static void add(Filing f, LocalDate assigned, LocalDate closedOn, Disposition disposition, WorkingTime time,
            RandomGenerator r, PlanBuilder b) {
        LocalDate inquiry = time.plusWorkingDays(assigned, Draw.between(r, 0, 5));
        inquiry = inquiry.isAfter(closedOn) ? closedOn : inquiry;
        b.add(inquiry, new EnforcementAction(EnforcementActionType.ASSET_INQUIRY));
        action(EnforcementActionType.CREDIT_BLACKLIST, Rates.ENFORCEMENT_CREDIT_BLACKLIST, inquiry, closedOn, time, r, b);
        action(EnforcementActionType.SEIZURE, Rates.ENFORCEMENT_SEIZURE, inquiry, closedOn, time, r, b);
        action(EnforcementActionType.AUCTION, Rates.ENFORCEMENT_AUCTION, inquiry, closedOn, time, r, b);
        action(EnforcementActionType.DETENTION, Rates.ENFORCEMENT_DETENTION, inquiry, closedOn, time, r, b);
        if (f.claim() == null) {
            return;
        }
        BigDecimal total;
        int parts;
        if (disposition == Disposition.ENFORCEMENT_COMPLETED) {
            total = f.claim();
            parts = Draw.between(r, 1, 3);
        } else if (Draw.chance(r, Rates.ENFORCEMENT_PARTIAL_PAYMENT)) {
            total = f.claim().multiply(BigDecimal.valueOf(0.05 + 0.45 * r.nextDouble()))
                    .setScale(2, RoundingMode.DOWN);
            parts = Draw.between(r, 1, 2);
        } else {
            return;
        }
        BigDecimal[] amounts = Draw.split(r, total, parts);
        LocalDate[] dates = new LocalDate[amounts.length];
        for (int i = 0; i < dates.length; i++) {
            dates[i] = between(inquiry, closedOn, time, r);
        }
        Arrays.sort(dates);
        if (disposition == Disposition.ENFORCEMENT_COMPLETED) {
            dates[dates.length - 1] = closedOn; // the last payment completes the case
        }
        for (int i = 0; i < amounts.length; i++) {
            b.add(dates[i], new EnforcementPayment(amounts[i], dates[i]));
        }
    }

    private static void action(EnforcementActionType type, double share, LocalDate from, LocalDate to,
            WorkingTime time, RandomGenerator r, PlanBuilder b) {
        if (Draw.chance(r, share)) {
            b.add(between(from, to, time, r), new EnforcementAction(type));
        }
    }

    /** A working day in [from, to], from being a working day. */
    private static LocalDate between(LocalDate from, LocalDate to, WorkingTime time, RandomGenerator r) {
        LocalDate d = time.onOrBefore(from.plusDays(Draw.between(r, 0, (int) DAYS.between(from, to))));
        return d.isBefore(from) ? from : d;
    }
}
