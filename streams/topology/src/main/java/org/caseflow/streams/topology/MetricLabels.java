package org.caseflow.streams.topology;

import java.util.List;
import java.util.Map;
import org.caseflow.streams.domain.EventType;
import org.caseflow.streams.domain.input.Refusal;

/**
 * The label values Caseflow's counters are registered with at 0 when the topology is built, so a dashboard panel
 * or an alert rule over them has a series from start-up ("0 dead letters", not "no data"). A value not listed here
 * (a new reason) is still counted: its series appears with its first increment.
 */
final class MetricLabels {
    /** Every {@code caseflow.dlq.reason} Caseflow writes, plus the two counted without a dead letter. */
    static final List<String> DEAD_LETTER_REASONS = List.of(
            "deserialization", "processing", "production", "serialization",
            Refusal.KEY_MISMATCH, Refusal.BAD_CASE_ID, Refusal.CONTROL_CHARACTER, Refusal.MALFORMED_TEXT,
            Refusal.UNKNOWN_COURT, Refusal.COURT_MISMATCH, Refusal.IMPLAUSIBLE_DATE, Refusal.AHEAD_OF_CLOCK,
            Refusal.DATED_AFTER_RECORDED, Refusal.PERSONAL_DATA, Refusal.NOTE_TOO_LONG, "rejected-transition",
            "too-many-before-filing", "never-filed", "origin-unknown", "invalid-fact", "malformed-fact", "future-fact", "malformed-delta",
            "corrupt-pending-delta", "timer-failed", "bad-indicator-period");
    static final List<String> ALERT_LEVELS = List.of("NOTICE", "WARNING", "CRITICAL", "BREACHED", "OVERDUE");
    static final List<String> ALERT_STATUSES = List.of("FIRING", "RESOLVED");
    /** The compliance flag codes of the deadline calculation (domain.deadline). */
    static final List<String> DEADLINE_FLAGS = List.of(
            "CONVERSION_INVALID", "CONVERSION_MISMATCH", "EXCLUSION_AFTER_DEADLINE", "EXCLUSION_INVALID",
            "EXCLUSION_NOT_ALLOWED", "EXTENSION_AFTER_EXPIRY", "EXTENSION_CAP_EXCEEDED", "EXTENSION_INVALID",
            "EXTENSION_NOT_ALLOWED", "EXTENSION_WRONG_APPROVER", "RESTART_NOT_APPLICABLE");
    /** Event types by the input topic that carries them (EventRouting), for {@code caseflow_events_total}. */
    static final Map<String, List<String>> TYPES_BY_INPUT = java.util.Arrays.stream(EventType.values())
            .collect(java.util.stream.Collectors.groupingBy(type -> type.input().label(),
                    java.util.stream.Collectors.mapping(EventType::code, java.util.stream.Collectors.toList())));

    private MetricLabels() {
    }
}
