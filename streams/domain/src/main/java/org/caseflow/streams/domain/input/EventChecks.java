package org.caseflow.streams.domain.input;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.caseflow.events.CaseEvent;
import org.caseflow.streams.domain.EventType;
import org.caseflow.streams.domain.cases.CaseNumbers;
import org.caseflow.streams.domain.courts.Court;
import org.caseflow.streams.domain.courts.CourtId;
import org.caseflow.streams.domain.courts.CourtRegistry;

/**
 * The content rules every event must pass before it reaches a case, shared by {@code caseflow produce} (and its dry
 * run, and {@code replay}) and the running app, so a file that validates is never dead-lettered for its content and
 * the reverse: text (well-formed Unicode, no control characters), a court the registry knows and that the case
 * number names, dates and instants in a plausible range, no event dated after it was recorded, no personal data
 * (a judge is a pseudonymous id, {@link PersonalDataCheck}), a note of at most {@link #NOTE_MAX_CHARS} characters
 * and, live only, no event from too far in the future.
 * Fields are checked in the order of the contract (DESIGN.md section 3: common fields, then the payload's); the first
 * problem is reported. Pure: the wall clock is an argument.
 */
public final class EventChecks {
    /**
     * The earliest plausible date: the founding of the People's Republic (1949-10-01). The court codes of the
     * registry and the procedure laws of the rule table are all later; an earlier date is a typo or a placeholder.
     */
    public static final LocalDate EARLIEST = LocalDate.of(1949, 10, 1);
    /**
     * The latest plausible date. No limit of the rule table reaches this far; placeholders such as 9999-12-31 are
     * refused here rather than by the broker halfway through a file ("Timestamp ... out of range").
     */
    public static final LocalDate LATEST = LocalDate.of(2100, 1, 1);
    /**
     * How far an event's own date may lie after the day it was recorded (its occurredAt, in the court's zone): one
     * day, for a producer that stamps local time in the wrong zone; the same slack as the fold's own rule
     * ({@code CaseFolder.MAX_DAYS_AHEAD}, docs/design.md: "events may be recorded late, never early").
     */
    public static final int RECORDED_SLACK_DAYS = 1;
    /**
     * The longest {@code note} of a postponement or restart, in characters (code points): a remark beside the reason
     * code, not a place for a statement or a file. Longer notes are refused ({@link Refusal#NOTE_TOO_LONG}).
     */
    public static final int NOTE_MAX_CHARS = 200;

    private final java.util.function.Supplier<CourtRegistry> courts;
    private final java.util.function.Function<CourtId, java.time.LocalDate> addedOn;
    private final CaseNumbers caseNumbers;

    /** Checks against {@code courts}; {@code caseNumbers}: the type codes a case number of the official form may use. */
    public EventChecks(CourtRegistry courts, CaseNumbers caseNumbers) {
        this(() -> courts, code -> null, caseNumbers);
    }

    /**
     * Checks against the courts in force as they change (issue 15): {@code addedOn} gives the day from which the
     * events of a court added live are accepted (null: a court of the seeds, always).
     */
    public EventChecks(java.util.function.Supplier<CourtRegistry> courts,
            java.util.function.Function<CourtId, java.time.LocalDate> addedOn, CaseNumbers caseNumbers) {
        this.courts = courts;
        this.addedOn = addedOn;
        this.caseNumbers = caseNumbers;
    }

    /** The first problem of {@code event}, without the wall-clock rule (files, replay, event-time operation). */
    public Optional<Refusal> check(CaseEvent event) {
        return Optional.ofNullable(first(event, null, null));
    }

    /** The same and, live, an occurredAt more than {@code maxAhead} after {@code wallClock} is refused. */
    public Optional<Refusal> check(CaseEvent event, Instant wallClock, Duration maxAhead) {
        return Optional.ofNullable(first(event, wallClock, maxAhead));
    }

    private Refusal first(CaseEvent event, Instant wallClock, Duration maxAhead) {
        Refusal refusal = text("eventId", event.getEventId());
        if (refusal == null) {
            refusal = caseId(event.getCaseId());
        }
        if (refusal != null) {
            return refusal;
        }
        String court = event.getCourt();
        refusal = text("court", court);
        if (refusal != null) {
            return refusal;
        }
        // The wire string becomes a court id here, where it enters; a blank one names no court (refused as unknown).
        CourtId id = CourtId.ofUnchecked(court);
        Optional<Court> known = courts.get().find(id);
        if (known.isEmpty()) {
            return new Refusal(Refusal.UNKNOWN_COURT, "court", "unknown court code " + court
                    + " (not in the court registry, seeds/courts)");
        }
        java.time.LocalDate from = addedOn.apply(id);
        if (from != null && event.getOccurredAt() != null
                && java.time.LocalDate.ofInstant(event.getOccurredAt(), known.get().zone()).isBefore(from)) {
            return new Refusal(Refusal.UNKNOWN_COURT, "court", "court " + court + " is in force from " + from
                    + " (added live); this event is dated before");
        }
        refusal = courtOfCaseNumber(event.getCaseId(), court);
        if (refusal == null) {
            refusal = occurredAt(event.getOccurredAt(), known.get().zone(), wallClock, maxAhead);
        }
        return refusal != null ? refusal : payload(event, known.get().zone());
    }

    private static Refusal caseId(String caseId) {
        Refusal refusal = text("caseId", caseId);
        if (refusal == null && caseId.indexOf('|') >= 0) {
            // '|' separates the case id from what follows it in the case event store's keys.
            return new Refusal(Refusal.BAD_CASE_ID, "caseId", "must not contain '|': " + caseId);
        }
        return refusal;
    }

    /**
     * A case number in the official form names its court ({@code (2025)湘0211民初1号}: 湘0211); an event for it from
     * another court would count the case there. Ids that are not case numbers are not checked.
     */
    private Refusal courtOfCaseNumber(String caseId, String court) {
        return caseNumbers.parse(caseId).map(CaseNumbers.Parsed::court).filter(named -> !named.equals(court))
                .map(named -> new Refusal(Refusal.COURT_MISMATCH, "court", "case number " + caseId
                        + " is of court " + named + ", not " + court))
                .orElse(null);
    }

    private static Refusal occurredAt(Instant at, ZoneId zone, Instant wallClock, Duration maxAhead) {
        Refusal refusal = instant("occurredAt", at, zone);
        if (refusal == null && wallClock != null && at.isAfter(wallClock.plus(maxAhead))) {
            return new Refusal(Refusal.AHEAD_OF_CLOCK, "occurredAt", at + " is more than " + describe(maxAhead)
                    + " ahead of the wall clock (" + wallClock + ")");
        }
        return refusal;
    }

    /** The payload's fields in schema order (the contract's order): strings, dates and instants. */
    private static Refusal payload(CaseEvent event, ZoneId zone) {
        SpecificRecord payload = (SpecificRecord) event.getPayload();
        String ownDate = EventType.of(event).ownDateField().orElse(null);
        LocalDate recorded = event.getOccurredAt().atZone(zone).toLocalDate();
        for (Schema.Field field : payload.getSchema().getFields()) {
            Object value = payload.get(field.pos());
            Refusal refusal = null;
            if (value instanceof String text) {
                refusal = text(field.name(), text);
                if (refusal == null) {
                    refusal = PersonalDataCheck.check(field.name(), text);
                }
                if (refusal == null && field.name().equals("note")) {
                    refusal = note(text);
                }
            } else if (value instanceof LocalDate date) {
                refusal = date(field.name(), date, field.name().equals(ownDate) ? recorded : null, zone);
            } else if (value instanceof Instant instant) {
                refusal = instant(field.name(), instant, zone);
            }
            if (refusal != null) {
                return refusal;
            }
        }
        return null;
    }

    private static Refusal text(String field, String text) {
        return text == null ? null : TextCheck.check(field, text);
    }

    private static Refusal note(String text) {
        int length = text.codePointCount(0, text.length());
        if (length > NOTE_MAX_CHARS) {
            // The length only: the text may be what the limit is there to keep out.
            return new Refusal(Refusal.NOTE_TOO_LONG, "note", length + " characters, over the limit of " + NOTE_MAX_CHARS
                    + " (a short remark beside reasonCode)");
        }
        return null;
    }

    /** {@code recorded}: the day the event was recorded when this is the event's own date, else null. */
    private static Refusal date(String field, LocalDate date, LocalDate recorded, ZoneId zone) {
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            return new Refusal(Refusal.IMPLAUSIBLE_DATE, field, "implausible date " + date + " (accepted: "
                    + EARLIEST + " to " + LATEST + ")");
        }
        if (recorded != null && date.isAfter(recorded.plusDays(RECORDED_SLACK_DAYS))) {
            return new Refusal(Refusal.DATED_AFTER_RECORDED, field, date + " is after the day the event was recorded ("
                    + recorded + ", occurredAt in " + zone + "; one day of slack): events may be recorded late, "
                    + "never early");
        }
        return null;
    }

    /** An instant is plausible when its day in the court's zone is, so dates and instants share one range. */
    private static Refusal instant(String field, Instant instant, ZoneId zone) {
        if (instant.isBefore(EARLIEST.atStartOfDay(zone).toInstant())
                || !instant.isBefore(LATEST.plusDays(1).atStartOfDay(zone).toInstant())) {
            return new Refusal(Refusal.IMPLAUSIBLE_DATE, field, "implausible instant " + instant + " (accepted: "
                    + EARLIEST + " to " + LATEST + " in " + zone + ")");
        }
        return null;
    }

    /** The configured skew in words: {@code 1 day}, {@code 6 hours}, else milliseconds. */
    static String describe(Duration d) {
        long ms = d.toMillis();
        if (ms > 0 && ms % 86_400_000 == 0) {
            return plural(ms / 86_400_000, "day");
        }
        if (ms > 0 && ms % 3_600_000 == 0) {
            return plural(ms / 3_600_000, "hour");
        }
        return ms + " ms";
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
