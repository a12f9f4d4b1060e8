package org.caseflow.streams.topology;

/** What moves the deadline clock (DESIGN.md section 5). */
public enum ClockMode {
    /** Live operation: wall-clock punctuation crosses thresholds even when no event arrives. */
    WALL_CLOCK,
    /** Replay and simulation: the clock is event time; timers due before an event fire before it. */
    EVENT_TIME
}
