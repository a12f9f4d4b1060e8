package org.caseflow.streams.domain.cases;

import java.time.LocalDate;
import java.util.Map;

/**
 * Where a case's fold stands: the view of every event folded so far, what the fold needs beyond the view
 * to go on, the last event in canonical order (a new event that sorts after it is one fold step) and how
 * many events were folded. Stored with the case so an event never re-reads or re-folds the history.
 *
 * @param view           the view of the events folded so far
 * @param firstScheduled hearingId → the day it was first scheduled for
 * @param last           the place of the greatest event folded in {@link CaseFolder#canonicalOrder canonical order}
 * @param events         how many events were folded (rejected ones included)
 */
public record FoldPoint(CaseView view, Map<String, LocalDate> firstScheduled, OrderKey last, int events) {
    public FoldPoint {
        firstScheduled = Map.copyOf(firstScheduled);
    }
}
