package org.caseflow.streams.runtime.simulator;

import org.caseflow.streams.domain.rules.Category;
import org.caseflow.streams.domain.rules.Span;
import static java.time.temporal.ChronoUnit.DAYS;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.caseflow.events.CaseClosed;
import org.caseflow.events.CaseFiled;
import org.caseflow.events.ClockResumed;
import org.caseflow.events.ClockSuspended;
import org.caseflow.events.Disposition;
import org.caseflow.events.ExtensionGranted;
import org.caseflow.events.JudgeAssigned;
import org.caseflow.events.Procedure;
import org.caseflow.events.ProcedureChanged;

/**
 * Plans the whole life of one case at its filing: assignment, an optional summary→ordinary change,
 * suspensions, an extension, hearings (or enforcement actions and payments), the closure and what
 * follows it. Durations are drawn against the procedure's base limit in the rule table: most cases close well
 * within it, a share after the extension the rule allows, and {@link Rates#LATE} after the deadline.
 */
final class CasePlanner {
    private final WorkingTime time;
    private final Map<String, CourtStaff> staff;
    private final SimulatedProcedures procedures;
    private final Hearings hearings;
    private final Aftermath aftermath;

    CasePlanner(WorkingTime time, Map<String, CourtStaff> staff, SimulatedProcedures procedures, Aftermath aftermath) {
        this.time = time;
        this.staff = staff;
        this.procedures = procedures;
        this.hearings = new Hearings(time);
        this.aftermath = aftermath;
    }

    CaseRun plan(Filing f, RandomGenerator r) {
        PlanBuilder b = new PlanBuilder();
        SimulatedProcedure p = f.procedure();
        boolean foreign = p.category() == Category.CIVIL && f.originCaseId() == null
                && Draw.chance(r, Rates.FOREIGN_RELATED);
        b.add(f.filedOn(), new CaseFiled(p.procedure(), f.filedOn(), null, null, f.originCaseId(), f.claim(), foreign));
        LocalDate assigned = time.plusWorkingDays(f.filedOn(),
                Draw.between(r, Rates.ASSIGN_MIN_WORKING_DAYS, Rates.ASSIGN_MAX_WORKING_DAYS));
        String[] divisionAndJudge = staff.get(f.court()).assign(p, r);
        b.add(assigned, new JudgeAssigned(divisionAndJudge[1], divisionAndJudge[0]));

        LocalDate earliestClose = assigned;
        SimulatedProcedure effective = p;
        if (p.procedure() == Procedure.CIVIL_FIRST_SUMMARY && Draw.chance(r, Rates.SUMMARY_TO_ORDINARY)) {
            LocalDate changedOn = time.onOrAfter(f.filedOn().plusDays(Draw.between(r, 15, 60)));
            changedOn = changedOn.isBefore(assigned) ? assigned : changedOn;
            // CPL Interp. 258: the ordinary limit still counts from the original filing.
            b.add(changedOn, new ProcedureChanged(Procedure.CIVIL_FIRST_ORDINARY, changedOn));
            effective = procedures.of(Procedure.CIVIL_FIRST_ORDINARY);
            earliestClose = changedOn;
        }
        Disposition disposition = effective.profile().dispositions().draw(r);

        LocalDate base = effective.law().baseDeadline(f.filedOn());
        int limitDays = (int) DAYS.between(f.filedOn(), base);
        int counted = Math.max(1, (int) Math.round(fraction(disposition, r) * limitDays));
        List<LocalDate[]> suspensions = new ArrayList<>(2);
        int excluded = suspend(f, effective, assigned, counted, r, b, suspensions);
        for (LocalDate[] s : suspensions) {
            earliestClose = s[1].isAfter(earliestClose) ? s[1] : earliestClose;
        }
        LocalDate deadline = base.plusDays(excluded);
        LocalDate closedOn = closingDate(f, effective.law(), assigned, deadline, counted + excluded, r, b);
        closedOn = closedOn.isBefore(earliestClose) ? earliestClose : closedOn;

        if (effective.category() == Category.ENFORCEMENT) {
            EnforcementSteps.add(f, assigned, closedOn, disposition, time, r, b);
        } else {
            hearings.add(f, effective, disposition, assigned, closedOn, suspensions, r, b);
        }
        LocalDate recordedOn = Draw.chance(r, Rates.LATE_RECORDING)
                ? time.plusWorkingDays(closedOn, Draw.between(r, 1, 3)) : closedOn;
        b.add(recordedOn, new CaseClosed(closedOn, disposition));
        aftermath.follow(f, effective, disposition, closedOn, recordedOn, r, b);
        return b.build(f.caseId(), f.court(), f.minute(), f.filedAt(), r);
    }

    /** Share of the base limit the case takes (counted days, before excluded days). */
    private static double fraction(Disposition disposition, RandomGenerator r) {
        return switch (disposition) {
            case WITHDRAWN -> 0.05 + 0.55 * r.nextDouble();
            case ENFORCEMENT_TERMINATED_THIS_ROUND -> 0.6 + 0.38 * r.nextDouble();
            default -> 0.15 + 0.8 * (r.nextDouble() + r.nextDouble()) / 2;
        };
    }

    /**
     * Zero, one or two non-overlapping suspensions inside the case's active period, added to {@code result} as
     * [from, resumedOn]; returns the days the rule excludes from the limit. A suspension whose reason the rule does
     * not list (criminal OTHER, say) stops the work but not the clock, so the case has that much less time.
     */
    private int suspend(Filing f, SimulatedProcedure p, LocalDate assigned, int counted,
            RandomGenerator r, PlanBuilder b, List<LocalDate[]> result) {
        int excluded = 0;
        if (counted < 10 || !Draw.chance(r, p.profile().suspensionShare())) {
            return excluded;
        }
        int rounds = Draw.chance(r, Rates.SECOND_SUSPENSION) ? 2 : 1;
        LocalDate cursor = assigned;
        for (int i = 0; i < rounds; i++) {
            LocalDate countedEnd = f.filedOn().plusDays(counted + excluded);
            int room = (int) DAYS.between(cursor, countedEnd) - 2;
            if (room < 2) {
                break;
            }
            LocalDate from = time.onOrAfter(cursor.plusDays(Draw.between(r, 1, Math.max(1, room * 6 / 10))));
            if (!from.isBefore(countedEnd)) {
                break;
            }
            Suspensions.Kind kind = Suspensions.draw(p, r);
            LocalDate resumedOn = time.onOrAfter(from.plusDays(kind.drawDays(r)));
            b.add(from, new ClockSuspended(kind.reason(), from));
            b.add(resumedOn, new ClockResumed(kind.reason(), resumedOn));
            excluded += p.law().excludes(kind.reason()) ? (int) DAYS.between(from, resumedOn) : 0;
            result.add(new LocalDate[] {from, resumedOn});
            cursor = resumedOn;
        }
        return excluded;
    }

    /**
     * On time, after an extension, or late; adds the extension event when there is one. A procedure whose rule
     * allows no extension closes on time instead.
     */
    private LocalDate closingDate(Filing f, ProcedureLaw law, LocalDate assigned, LocalDate deadline,
            int elapsedDays, RandomGenerator r, PlanBuilder b) {
        double u = r.nextDouble();
        // A rule without a ladder allows no extension: the cases that would have needed one close on time instead.
        double extensionShare = law.extension() == null ? 0
                : law.longLimit() ? Rates.EXTENSION_LONG : Rates.EXTENSION_SHORT;
        if (u < Rates.LATE) {
            int lateDays = Draw.chance(r, Rates.LATE_LONG)
                    ? Draw.between(r, Rates.LATE_LONG_MIN_DAYS, Rates.LATE_LONG_MAX_DAYS)
                    : Draw.between(r, Rates.LATE_MIN_DAYS, Rates.LATE_MAX_DAYS);
            return time.onOrAfter(deadline.plusDays(lateDays));
        }
        if (u < Rates.LATE + extensionShare) {
            Span length = law.extension().lengthFor(f.filedOn(), law.limit());
            LocalDate extended = deadline.plus(length.toPeriod());
            // SPC 2019 rule: extensions are asked for 15 days and decided at least 5 days before expiry.
            LocalDate grantedOn = time.onOrBefore(deadline.minusDays(Draw.between(r, 5, 15)));
            grantedOn = grantedOn.isBefore(assigned) ? assigned : grantedOn;
            b.add(grantedOn, new ExtensionGranted(length.months() > 0 ? length.months() : null,
                    length.days() > 0 ? length.days() : null, law.extension().approver(), grantedOn));
            int span = (int) DAYS.between(deadline, extended);
            LocalDate closedOn = time.onOrAfter(deadline.plusDays(Draw.between(r, 1, Math.max(1, span * 9 / 10))));
            return closedOn.isAfter(extended) ? time.onOrBefore(extended) : closedOn;
        }
        return time.onOrBefore(f.filedOn().plusDays(elapsedDays));
    }
}
