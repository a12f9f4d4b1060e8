package org.caseflow.streams.runtime.replay;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.caseflow.CaseflowException;

/** Parses {@code --as-of}: an ISO instant, or a date meaning 00:00 of that day in the court time zone. */
public final class AsOf {
    private AsOf() {
    }

    public static Instant parse(String text, ZoneId zone) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(zone).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new CaseflowException("--as-of: expected an ISO instant (2025-06-01T00:00:00+08:00) or a date"
                    + " (2025-06-01), got " + text);
        }
    }
}
