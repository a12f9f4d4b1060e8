package org.caseflow.streams.runtime.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.caseflow.events.Disposition;
import org.caseflow.events.JudgmentEffective;
import org.caseflow.events.Procedure;
import org.caseflow.streams.domain.rules.Category;

/**
 * What follows a closure: an appeal to the intermediate court, or the judgment becoming effective
 * (then perhaps enforcement at the first-instance court and a retrial review); remands back to the
 * first-instance court; retrials ordered by a review. Derived cases are handed to the simulator as
 * {@link Spawn}s dated strictly after the origin's closure was recorded.
 */
final class Aftermath {
    private final SimulatedCourts courts;
    private final WorkingTime time;
    private final Consumer<Spawn> spawns;

    Aftermath(SimulatedCourts courts, WorkingTime time, Consumer<Spawn> spawns) {
        this.courts = courts;
        this.time = time;
        this.spawns = spawns;
    }

    void follow(Filing f, SimulatedProcedure p, Disposition disposition, LocalDate closedOn, LocalDate recordedOn,
            RandomGenerator r, PlanBuilder b) {
        boolean atBasic = !f.court().equals(courts.intermediate());
        switch (disposition) {
            case JUDGMENT -> {
                // Appeals from the intermediate court's own first instance go to the high court: not simulated.
                if (p.profile().firstInstance() && atBasic && Draw.chance(r, Rates.APPEAL)) {
                    spawn(p.profile().appealTo(), courts.intermediate(), recordedOn.plusDays(
                            Draw.between(r, Rates.APPEAL_FILED_MIN_DAYS, Rates.APPEAL_FILED_MAX_DAYS)),
                            f.caseId(), f.claim(), f.court(), r);
                } else {
                    // Appeal period: 15 days civil/administrative (CPL 171), 10 days criminal (CrPL 230), plus service.
                    int days = p.category() == Category.CRIMINAL ? Draw.between(r, 11, 20) : Draw.between(r, 16, 30);
                    effective(f, p, closedOn.plusDays(days), recordedOn, atBasic, r, b);
                }
            }
            case AFFIRMED, REVERSED -> effective(f, p, closedOn, recordedOn, atBasic, r, b);
            case REMANDED -> spawn(p.profile().remandTo(), f.rootCourt(), recordedOn.plusDays(
                    Draw.between(r, Rates.REMAND_FILED_MIN_DAYS, Rates.REMAND_FILED_MAX_DAYS)),
                    f.caseId(), f.claim(), f.rootCourt(), r);
            case RULING -> {
                if (p.procedure() == Procedure.CIVIL_RETRIAL_REVIEW && Draw.chance(r, Rates.RETRIAL_ORDERED)) {
                    spawn(Procedure.CIVIL_RETRIAL_SECOND, f.court(), recordedOn.plusDays(Draw.between(r, 5, 20)),
                            f.caseId(), f.claim(), f.rootCourt(), r);
                }
            }
            default -> {
            }
        }
    }

    private void effective(Filing f, SimulatedProcedure p, LocalDate effectiveOn, LocalDate closureRecordedOn,
            boolean atBasic, RandomGenerator r, PlanBuilder b) {
        LocalDate recorded = time.onOrAfter(effectiveOn);
        recorded = recorded.isBefore(closureRecordedOn) ? closureRecordedOn : recorded;
        boolean monetary = p.category() == Category.CIVIL && f.claim() != null && Draw.chance(r, Rates.MONETARY);
        LocalDate due = monetary ? effectiveOn.plusDays(Draw.between(r, 10, 30)) : null;
        b.add(recorded, new JudgmentEffective(effectiveOn, due, monetary));
        if (monetary && Draw.chance(r, Rates.ENFORCEMENT_APPLIED)) {
            double share = Rates.JUDGED_SHARE_OF_CLAIM_MIN + (1 - Rates.JUDGED_SHARE_OF_CLAIM_MIN) * r.nextDouble();
            BigDecimal awarded = f.claim().multiply(BigDecimal.valueOf(share)).setScale(2, RoundingMode.DOWN);
            spawn(Procedure.ENFORCEMENT, f.rootCourt(), due.plusDays(Draw.between(r,
                    Rates.ENFORCEMENT_FILED_MIN_DAYS, Rates.ENFORCEMENT_FILED_MAX_DAYS)), f.caseId(), awarded,
                    f.rootCourt(), r);
        }
        // A retrial review of a basic court's judgment goes to the intermediate court (CPL 210).
        if (p.category() == Category.CIVIL && atBasic && Draw.chance(r, Rates.RETRIAL_REVIEW)) {
            LocalDate filed = effectiveOn.plusDays(Draw.between(r, 30, 180));
            spawn(Procedure.CIVIL_RETRIAL_REVIEW, courts.intermediate(), filed, f.caseId(), f.claim(), f.court(), r);
        }
    }

    private void spawn(Procedure procedure, String court, LocalDate on, String origin, BigDecimal claim,
            String rootCourt, RandomGenerator r) {
        spawns.accept(new Spawn(court, procedure, time.onOrAfter(on), r.nextInt(WorkingTime.DAY_MINUTES),
                r.nextInt(60), origin, claim, rootCourt));
    }
}
