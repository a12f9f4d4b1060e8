package org.caseflow.streams.topology;

/**
 * The one place that names state stores, processors and internal topics. Tests import these so that a
 * rename is a deliberate change (see the golden {@code describe()} test).
 */
public final class StoreNames {
    /** caseId → case state (accepted events, derived deadline, firing alerts). */
    public static final String CASES = "case-store";
    /** "dueMillis|caseId" → timer kind: the time-indexed index of what is due, read by the tick. */
    public static final String DUE_INDEX = "due-index-store";
    /** "court|deadlineEpochDay|caseId" → "": open cases of a court by deadline, for the at-risk list. */
    public static final String DEADLINE_INDEX = "deadline-index-store";

    private StoreNames() {
    }
}
