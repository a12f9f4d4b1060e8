package org.caseflow.streams.domain.digest;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;

/**
 * The periods of a digest (DESIGN.md section 9): a recipient's day, a court's ISO week (Monday to Sunday) and a
 * court's calendar month, all in the court's zone.
 */
public enum DigestKind {
    DAY, WEEK, MONTH;

    /** The lower-case name used in keys and in the API ({@code day}, {@code week}, {@code month}). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DigestKind> parse(String code) {
        for (DigestKind k : values()) {
            if (k.code().equals(code)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** The period of this kind containing {@code day}. */
    public DigestPeriod periodOf(LocalDate day) {
        return switch (this) {
            case DAY -> new DigestPeriod(this, day.toString(), day, day);
            case WEEK -> {
                LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                // The ISO week-based year: 2024-12-30 is in 2025-W01.
                String label = String.format(Locale.ROOT, "%d-W%02d", monday.plusDays(3).getYear(),
                        monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                yield new DigestPeriod(this, label, monday, monday.plusDays(6));
            }
            case MONTH -> {
                YearMonth month = YearMonth.from(day);
                yield new DigestPeriod(this, month.toString(), month.atDay(1), month.atEndOfMonth());
            }
        };
    }

    /** The period of this kind named by {@code label} (as {@link DigestPeriod#label()} writes it), if it is one. */
    public Optional<DigestPeriod> parseLabel(String label) {
        try {
            return switch (this) {
                case DAY -> Optional.of(periodOf(LocalDate.parse(label)));
                case MONTH -> Optional.of(periodOf(YearMonth.parse(label).atDay(1)));
                case WEEK -> {
                    String[] parts = label.split("-W");
                    LocalDate day = LocalDate.of(Integer.parseInt(parts[0]), 1, 4)
                            .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(parts[1]));
                    DigestPeriod p = periodOf(day);
                    yield p.label().equals(label) ? Optional.of(p) : Optional.empty();
                }
            };
        } catch (DateTimeException | NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }
}
