package org.caseflow.streams.domain.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The stored state of one case: where the fold of its accepted events stands (the events themselves are in
 * the {@link EventLog}, deduplicated by eventId) plus the bookkeeping of its alerts and indicator timers. The
 * fold is of the events in canonical order, so the state does not depend on the order in which they arrived.
 *
 * @param fold                the fold of the accepted events; null before the first
 * @param firstSeenAt         when the first event arrived (bounds how long events wait for a filing)
 * @param deadlineVersion     bumped every time the computed deadline day changes
 * @param versionDeadline     the deadline day of {@code deadlineVersion}, null before the first
 * @param firing              alerts currently FIRING
 * @param timerDue            when the case must be looked at next for any reason (a deadline threshold, waiting
 *                            for its filing, voluntary performance, purge), null if never
 * @param wakeUpDue           the earliest of those timers that is not a deadline threshold: a threshold falls at a
 *                            local midnight derived from the deadline, so the processor finds those cases from its
 *                            deadline index and keeps only these in a due index; null if none
 * @param reportedRejections  eventIds already sent to the dead-letter topic
 * @param overdue             whether the case was last seen past its deadline (OVERDUE facts)
 * @param enforcementFiled    an enforcement case was filed against this case's judgment
 * @param performanceObserved the voluntary-performance observation period has been judged
 * @param atRisk              where the open case is listed in its court's deadline index, null if it is not
 */
public record CaseState(
        CaseId caseId,
        FoldPoint fold,
        Instant firstSeenAt,
        int deadlineVersion,
        LocalDate versionDeadline,
        List<FiringAlert> firing,
        Instant timerDue,
        Instant wakeUpDue,
        Set<String> reportedRejections,
        boolean overdue,
        boolean enforcementFiled,
        boolean performanceObserved,
        AtRiskListing atRisk) {

    public static CaseState empty(CaseId caseId, Instant now) {
        return new CaseState(caseId, null, now, 0, null, List.of(), null, null, Set.of(), false, false, false, null);
    }

    /** How many events the case has accepted (waiting ones included). */
    public int eventCount() {
        return fold == null ? 0 : fold.events();
    }

    /** The view of the accepted events; null before the first. */
    public CaseView view() {
        return fold == null ? null : fold.view();
    }

    public CaseState withFold(FoldPoint newFold) {
        return new CaseState(caseId, newFold, firstSeenAt, deadlineVersion, versionDeadline, firing, timerDue,
                wakeUpDue, reportedRejections, overdue, enforcementFiled, performanceObserved, atRisk);
    }

    /** The same with one timer that is not a threshold (waiting for a filing, a retry), or none. */
    public CaseState withTimer(Instant due) {
        return new CaseState(caseId, fold, firstSeenAt, deadlineVersion, versionDeadline, firing, due, due,
                reportedRejections, overdue, enforcementFiled, performanceObserved, atRisk);
    }

    public CaseState withEnforcementFiled(boolean filed) {
        return new CaseState(caseId, fold, firstSeenAt, deadlineVersion, versionDeadline, firing, timerDue,
                wakeUpDue, reportedRejections, overdue, filed, performanceObserved, atRisk);
    }
}
