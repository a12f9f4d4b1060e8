package org.caseflow.streams.domain.cases;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.caseflow.streams.domain.courts.CourtId;
import org.caseflow.streams.domain.courts.JudgeId;
import org.caseflow.streams.domain.deadline.DateInterval;
import org.caseflow.streams.domain.deadline.DeadlineInput;
import org.caseflow.streams.domain.rules.Procedure;

/**
 * What a case's accepted events say, folded in canonical order by {@link CaseFolder}. Pure data:
 * the deadline is computed from {@link #deadlineInput()} separately.
 *
 * @param rejections eventId → reason for events the fold could not apply (closing a closed case,
 *                   resuming what was not suspended, ...); they stay recorded, never thrown
 */
public record CaseView(
        CaseId caseId,
        CourtId court,
        boolean filed,
        Procedure procedure,
        Procedure originalProcedure,
        LocalDate filedOn,
        String division,
        JudgeId judge,
        CaseId originCaseId,
        BigDecimal claimAmount,
        boolean foreignRelated,
        List<DeadlineInput.Conversion> conversions,
        List<LocalDate> restarts,
        List<DeadlineInput.Extension> extensions,
        List<DeadlineInput.Exclusion> exclusions,
        LocalDate closedOn,
        Disposition disposition,
        LocalDate judgmentEffectiveOn,
        LocalDate performanceDueOn,
        boolean monetaryJudgment,
        BigDecimal paidTotal,
        List<HeldHearing> hearings,
        int postponements,
        Map<String, String> rejections,
        List<String> flags) {

    /** A hearing held, and whether it was held on the date first scheduled (CourTools 5). */
    public record HeldHearing(String hearingId, LocalDate heldOn, boolean onFirstDate) {
    }

    public boolean closed() {
        return closedOn != null;
    }

    /**
     * The input of the deadline calculator. A closed case's open exclusions end on the closing day:
     * the clock cannot stand still past the closure.
     */
    public DeadlineInput deadlineInput() {
        List<DeadlineInput.Exclusion> effective = exclusions;
        if (closedOn != null) {
            effective = exclusions.stream()
                    .map(e -> e.interval().until() != null ? e
                            : new DeadlineInput.Exclusion(e.reason(), new DateInterval(e.interval().from(),
                                    closedOn.isBefore(e.interval().from()) ? e.interval().from() : closedOn)))
                    .toList();
        }
        return new DeadlineInput(procedure, filedOn, foreignRelated, conversions, restarts, extensions, effective);
    }
}
