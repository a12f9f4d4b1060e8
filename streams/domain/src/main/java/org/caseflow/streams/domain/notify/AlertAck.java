package org.caseflow.streams.domain.notify;

import java.time.Instant;

/**
 * An acknowledgement of one alert by one recipient (DESIGN.md section 9), on {@code caseflow.alert-acks} keyed by its
 * caseId. It suppresses that recipient's later OVERDUE reminders for the case and is shown in the case view; it never
 * changes the breach record, the alerts topic or the indicators.
 *
 * @param by the recipient id acknowledging (as in the recipients file, or the role reference with open routing)
 */
public record AlertAck(String alertId, String caseId, String court, String by, String note, Instant ackedAt) {
    /** The caseId of an alertId ({@code {caseId}/v{deadlineVersion}/{level key}}), empty when it has no such shape. */
    public static java.util.Optional<String> caseOf(String alertId) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(.+)/v\\d+/[A-Z][A-Za-z0-9_-]*$").matcher(alertId);
        return m.matches() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
    }
}
