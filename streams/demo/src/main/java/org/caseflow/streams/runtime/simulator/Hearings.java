package org.caseflow.streams.runtime.simulator;

import static java.time.temporal.ChronoUnit.DAYS;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import org.caseflow.events.Disposition;
import org.caseflow.events.HearingHeld;
import org.caseflow.events.HearingPostponed;
import org.caseflow.events.HearingScheduled;
import org.caseflow.events.PostponementReason;
import org.caseflow.events.Procedure;

/**
 * Hearings of a case between assignment and closure: each is scheduled 3–15 days ahead at 09:00 or
 * 14:30, some are postponed once (SPC 2019 rule: at most twice in ordinary and once in other
 * procedures), and a share is held on the closing day (judgment pronounced in court).
 */
final class Hearings {
    private static final int MORNING_SLOT = 30;     // 09:00
    private static final int AFTERNOON_SLOT = 210;  // 14:30
    private static final double ON_CLOSING_DAY = 0.4;
    /**
     * The grounds drawn from (CPL 2023 art. 149), in place of the free-text reasons of before and in their order, so a
     * seeded run draws the same: a party's request and the court's schedule are no ground of their own (149(4), OTHER),
     * new evidence is 149(3), an absent party 149(1).
     */
    private static final PostponementReason[] POSTPONE_REASONS = {PostponementReason.OTHER, PostponementReason.NEW_EVIDENCE,
        PostponementReason.PARTICIPANT_ABSENT, PostponementReason.OTHER};

    private final WorkingTime time;

    Hearings(WorkingTime time) {
        this.time = time;
    }

    void add(Filing f, SimulatedProcedure procedure, Disposition disposition, LocalDate assigned, LocalDate closedOn,
            List<LocalDate[]> suspensions, RandomGenerator r, PlanBuilder b) {
        ProcedureProfile p = procedure.profile();
        if (!Draw.chance(r, p.hearingShare()) || (disposition == Disposition.WITHDRAWN && Draw.chance(r, 0.5))) {
            return;
        }
        LocalDate first = time.plusWorkingDays(assigned, 1);
        if (first.isAfter(closedOn)) {
            return;
        }
        int wanted = Draw.between(r, p.minHearings(), p.maxHearings());
        TreeSet<LocalDate> dates = new TreeSet<>();
        if (Draw.chance(r, ON_CLOSING_DAY)) {
            dates.add(closedOn);
        }
        int window = (int) DAYS.between(first, closedOn);
        for (int attempt = 0; dates.size() < wanted && attempt < 8; attempt++) {
            LocalDate d = time.onOrAfter(first.plusDays(Draw.between(r, 0, window)));
            d = outsideSuspensions(d, suspensions);
            if (!d.isAfter(closedOn)) {
                dates.add(d);
            }
        }
        int maxPostponements = p.procedure() == Procedure.CIVIL_FIRST_ORDINARY ? 2 : 1;
        int postponements = 0;
        LocalDate previous = assigned;
        int n = 0;
        for (LocalDate held : dates) {
            String hearingId = f.caseId() + "-H" + (++n);
            int slot = r.nextBoolean() ? MORNING_SLOT : AFTERNOON_SLOT;
            LocalDate firstDate = held;
            if (postponements < maxPostponements && Draw.chance(r, Rates.POSTPONEMENT)) {
                LocalDate planned = time.onOrBefore(held.minusDays(Draw.between(r, 7, 25)));
                if (planned.isAfter(previous)) {
                    firstDate = planned;
                    postponements++;
                }
            }
            LocalDate scheduledOn = time.onOrBefore(firstDate.minusDays(Draw.between(r, 3, 15)));
            scheduledOn = scheduledOn.isBefore(previous) ? previous : scheduledOn;
            b.add(scheduledOn, new HearingScheduled(hearingId, WorkingTime.instant(firstDate, slot)));
            if (!firstDate.equals(held)) {
                b.add(firstDate, new HearingPostponed(hearingId, null, POSTPONE_REASONS[r.nextInt(POSTPONE_REASONS.length)], null));
                slot = r.nextBoolean() ? MORNING_SLOT : AFTERNOON_SLOT;
                b.add(firstDate, new HearingScheduled(hearingId, WorkingTime.instant(held, slot)));
            }
            b.add(held, slot + 60, new HearingHeld(hearingId, held));
            previous = held;
        }
    }

    private LocalDate outsideSuspensions(LocalDate d, List<LocalDate[]> suspensions) {
        for (LocalDate[] s : suspensions) {
            if (!d.isBefore(s[0]) && d.isBefore(s[1])) {
                return s[1];
            }
        }
        return d;
    }
}
