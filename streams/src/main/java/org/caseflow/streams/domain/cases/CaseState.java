package org.caseflow.streams.domain.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.caseflow.events.CaseEvent;

/**
 * The stored state of one case: every accepted event (deduplicated by eventId, in canonical
 * order) plus the bookkeeping of its alerts and indicator timers. Everything else is derived by
 * folding the events, so the state does not depend on the order in which the events arrived.
 *
 * @param events              accepted events in canonical order
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
        List<CaseEvent> events,
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
        return new CaseState(caseId, List.of(), now, 0, null, List.of(), null, Set.of(), false, false, false, null);
    }

    /** Sorts a court's open cases by deadline day: {@code court|epochDay(8 digits)|caseId}. */
    public static String atRiskKey(String court, java.time.LocalDate deadline, String caseId) {
        return court + "|" + String.format("%08d", deadline.toEpochDay()) + "|" + caseId;
    }

    public boolean contains(String eventId) {
        return events.stream().anyMatch(e -> e.getEventId().equals(eventId));
    }

    public CaseState withEvents(List<CaseEvent> newEvents) {
        return new CaseState(caseId, newEvents, firstSeenAt, deadlineVersion, versionDeadline, firing, timerDue,
                reportedRejections, overdue, enforcementFiled, performanceObserved, atRiskKey);
    }

    public CaseState withTimer(Instant due) {
        return new CaseState(caseId, events, firstSeenAt, deadlineVersion, versionDeadline, firing, due,
                reportedRejections, overdue, enforcementFiled, performanceObserved, atRiskKey);
    }

    public CaseState withEnforcementFiled(boolean filed) {
        return new CaseState(caseId, events, firstSeenAt, deadlineVersion, versionDeadline, firing, timerDue,
                reportedRejections, overdue, filed, performanceObserved, atRiskKey);
    }
}
