package org.caseflow.streams.domain.indicators;

/**
 * What happened to a case, as far as the indicators care. The case topology derives these from case events;
 * {@link Effects} turns each into counter deltas.
 */
public enum FactKind {
    /** A case was filed; {@code flag} = originating (a first-instance filing with no origin case: a "案"). */
    FILED,
    /** A case was closed (date = closedOn, filedOn, disposition, onTime, durationDays; enforcement: amount, paidAmount). */
    CLOSED,
    /** An open case passed its deadline (BREACHED). */
    OVERDUE_STARTED,
    /** An overdue case closed or its deadline moved later. */
    OVERDUE_ENDED,
    /** Attributed to the origin case's court/category/instance: a second-instance case was filed against it. */
    APPEALED,
    /** Attributed to the origin: the second-instance case closed (REVERSED/REMANDED count). */
    APPEAL_DECIDED,
    /** Attributed to the origin: a retrial review was filed against it. */
    RETRIAL_PETITIONED,
    /** A retrial case closed, attributed to its own court (REVERSED/REMANDED count). */
    RETRIAL_DECIDED,
    /** An effective monetary judgment's observation period ended; {@code flag} = performed voluntarily. */
    PERFORMANCE_OBSERVED,
    /** A hearing was held; {@code flag} = held on its first scheduled date. */
    HEARING_HELD,
    /** A case number was added to a dispute; caseId = the root case, court = the root's court. */
    LINEAGE
}
