package org.caseflow.streams.domain.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * One period of a digest: {@code label} is its name in keys ({@code 2025-05-19}, {@code 2025-W21}, {@code 2025-05}),
 * {@code firstDay}..{@code lastDay} the local days it covers.
 */
public record DigestPeriod(DigestKind kind, String label, LocalDate firstDay, LocalDate lastDay) {
    /** The local midnight that opens the period. */
    public Instant start(ZoneId zone) {
        return firstDay.atStartOfDay(zone).toInstant();
    }

    /** The local midnight that closes the period: the digest shows the alerts as they stood at this instant. */
    public Instant end(ZoneId zone) {
        return lastDay.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
