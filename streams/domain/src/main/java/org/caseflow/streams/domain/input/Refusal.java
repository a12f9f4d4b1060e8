package org.caseflow.streams.domain.input;

/**
 * Why an event is refused before it reaches any case (docs/event-format.md, "Rejections"): {@code reason} is the
 * short dead-letter reason of the running app (header {@code caseflow.dlq.reason} and the {@code reason} label of
 * {@code caseflow_dead_letters_total}); {@code field} and {@code detail} are what {@code caseflow produce} prints
 * after {@code line N:}.
 */
public record Refusal(String reason, String field, String detail) {
    /** The record key is not the event's caseId (the running app only: files have no keys). */
    public static final String KEY_MISMATCH = "key-mismatch";
    /** A caseId containing '|', the separator of the case event store's keys. */
    public static final String BAD_CASE_ID = "bad-case-id";
    /** A control character (NUL, line feed, ...) in a string field. */
    public static final String CONTROL_CHARACTER = "control-character";
    /** A lone surrogate or a replacement character: text that is not, or no longer, what was sent. */
    public static final String MALFORMED_TEXT = "malformed-text";
    /** A court code that {@code seeds/courts} does not know. */
    public static final String UNKNOWN_COURT = "unknown-court";
    /** A case number that names another court than the event's. */
    public static final String COURT_MISMATCH = "court-mismatch";
    /** A date or instant before 1949-10-01 or after 2100-01-01. */
    public static final String IMPLAUSIBLE_DATE = "implausible-date";
    /** Live: an occurredAt further ahead of the wall clock than the configured skew. */
    public static final String AHEAD_OF_CLOCK = "ahead-of-clock";
    /** A judge that is not a pseudonymous id, or an identity-number-shaped value or a name with a title in division,
     * reason or note. */
    public static final String PERSONAL_DATA = "personal-data";
    /** A postponement's or restart's note longer than {@code EventChecks.NOTE_MAX_CHARS}. */
    public static final String NOTE_TOO_LONG = "note-too-long";
    /** An event whose own date is more than a day after the day it was recorded. */
    public static final String DATED_AFTER_RECORDED = "dated-after-recorded";

    /** {@code field: detail}: the dead letter's detail and the CLI's message after the line number. */
    public String message() {
        return field + ": " + detail;
    }
}
