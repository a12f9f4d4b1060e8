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
 * @param timerDue            the instant this case is indexed under in the due index, null if none
 * @param reportedRejections  eventIds already sent to the dead-letter topic
 * @param overdue             whether the case was last seen past its deadline (OVERDUE facts)
 * @param enforcementFiled    an enforcement case was filed against this case's judgment
 * @param performanceObserved the voluntary-performance observation period has been judged
 * @param atRiskKey           the key under which the open case is listed in the court's deadline
 *                            index ({@link #atRiskKey(String, java.time.LocalDate, String)}), null if none
 */
public record CaseState(
        String caseId,
        FoldPoint fold,
        Instant firstSeenAt,
        int deadlineVersion,
        LocalDate versionDeadline,
        List<FiringAlert> firing,
        Instant timerDue,
        Set<String> reportedRejections,
        boolean overdue,
        boolean enforcementFiled,
        boolean performanceObserved,
        String atRiskKey) {

    public static CaseState empty(String caseId, Instant now) {
        return new CaseState(caseId, null, now, 0, null, List.of(), null, Set.of(), false, false, false, null);
    }

    /** Sorts a court's open cases by deadline day: {@code court|epochDay(8 digits)|caseId}. */
    public static String atRiskKey(String court, java.time.LocalDate deadline, String caseId) {
        return court + "|" + String.format("%08d", deadline.toEpochDay()) + "|" + caseId;
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
                reportedRejections, overdue, enforcementFiled, performanceObserved, atRiskKey);
    }

    public CaseState withTimer(Instant due) {
        return new CaseState(caseId, fold, firstSeenAt, deadlineVersion, versionDeadline, firing, due,
                reportedRejections, overdue, enforcementFiled, performanceObserved, atRiskKey);
    }

    public CaseState withEnforcementFiled(boolean filed) {
        return new CaseState(caseId, fold, firstSeenAt, deadlineVersion, versionDeadline, firing, timerDue,
                reportedRejections, overdue, filed, performanceObserved, atRiskKey);
    }
}
