package org.caseflow.streams.domain.courts;

import java.time.ZoneId;

/**
 * One court of {@code seeds/courts}. {@code parent} is null for a court whose superior is outside the
 * registry's scope; {@code jurisdiction} names the work calendar ({@code seeds/calendars}).
 */
public record Court(CourtId code, String name, String nameEn, CourtLevel level, CourtId parent, ZoneId zone,
        String jurisdiction) {}
