package org.caseflow.streams.domain.seeds;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import org.caseflow.streams.domain.calendar.WorkCalendar;
import org.caseflow.streams.domain.courts.CourtAddition;
import org.caseflow.streams.domain.indicators.IndicatorDefinitionException;
import org.caseflow.streams.domain.indicators.IndicatorDefinitions;
import org.caseflow.streams.domain.rules.RuleTable;

/**
 * One published version of reference data (issue 15): the seed file as published, validated with the seed readers,
 * with its version, effective date and {@link Propagation}. {@link #key()} names what it replaces: {@code rules/
 * trial-limits}, {@code calendar/<jurisdiction>}, {@code courts/added} or {@code indicators/definitions}. Exactly one of
 * {@link #rules()}, {@link #calendar()}, {@link #courts()} and {@link #indicators()} is set.
 */
public record ReferencePublication(ReferenceKind kind, String table, String version, LocalDate effectiveFrom,
        Propagation propagation, String file, String content, RuleTable rules, WorkCalendar calendar,
        IndicatorDefinitions indicators, CourtAddition courts) {
    /** The one rule table's name in keys. */
    public static final String RULE_TABLE = "trial-limits";
    /** The courts added live, in keys: one chain, each version listing every court added so far. */
    public static final String COURTS_TABLE = "added";
    /** The one indicator definitions file's name in keys. */
    public static final String INDICATOR_TABLE = "definitions";

    /**
     * Validates {@code content} as a seed file of {@code kind}; errors are {@code file: entry: reason}. A version is
     * required (cases cite it), and so is an effective date for {@link Propagation#NEW_CASES} (it decides which
     * cases it applies to). Only the kinds that are {@link ReferenceKind#live()} can be published.
     */
    public static ReferencePublication parse(ReferenceKind kind, String file, byte[] content, Propagation propagation) {
        Path name = Path.of(file);
        String text = new String(content, StandardCharsets.UTF_8);
        Propagation p = propagation == null ? kind.defaultPropagation() : propagation;
        return switch (kind) {
            case RULES -> {
                RuleTable rules = RuleTable.parse(name, content);
                ReferenceVersion v = required(name, rules.version(), p);
                yield new ReferencePublication(kind, RULE_TABLE, v.version(), v.effectiveFrom(), p, file, text, rules,
                        null, null, null);
            }
            case CALENDAR -> {
                WorkCalendar calendar = WorkCalendar.parse(name, content);
                ReferenceVersion v = required(name, calendar.version(), p);
                yield new ReferencePublication(kind, calendar.jurisdiction(), v.version(), v.effectiveFrom(), p, file,
                        text, null, calendar, null, null);
            }
            case INDICATORS -> {
                if (p == Propagation.PENDING) {
                    throw SeedException.of(name, "propagation", "indicator intervals apply by period, not by case: set"
                            + " effectiveFrom to the first month whose periods it applies to (no --propagation)");
                }
                IndicatorDefinitions definitions;
                try {
                    definitions = IndicatorDefinitions.parse(name, content);
                } catch (IndicatorDefinitionException e) {
                    throw new SeedException(e.getMessage(), e);
                }
                ReferenceVersion v = required(name, definitions.version(), p);
                yield new ReferencePublication(kind, INDICATOR_TABLE, v.version(), v.effectiveFrom(), p, file, text,
                        null, null, definitions, null);
            }
            case COURTS -> {
                if (p == Propagation.PENDING) {
                    throw SeedException.of(name, "propagation", "courts are added from their effectiveFrom on (events"
                            + " dated before it are refused): no --propagation");
                }
                CourtAddition courts = CourtAddition.parse(name, content);
                ReferenceVersion v = required(name, courts.version(), p);
                yield new ReferencePublication(kind, COURTS_TABLE, v.version(), v.effectiveFrom(), p, file, text,
                        null, null, null, courts);
            }
        };
    }

    private static ReferenceVersion required(Path file, ReferenceVersion version, Propagation propagation) {
        if (version == ReferenceVersion.UNVERSIONED) {
            throw SeedException.of(file, "version", "missing: a published file must carry a version");
        }
        if (propagation == Propagation.NEW_CASES && version.effectiveFrom() == null) {
            throw SeedException.of(file, "effectiveFrom", "missing: propagation new-cases applies the version to"
                    + " cases filed on or after it (indicator intervals: to periods ending on or after it)");
        }
        return version;
    }

    /** What this publication replaces: {@code kind/table}, the key on the reference-data topic. */
    public String key() {
        return key(kind, table);
    }

    public static String key(ReferenceKind kind, String table) {
        return kind.code() + "/" + table;
    }

    /** Whether it applies to a case filed on {@code filedOn} (null: a case not filed yet, so filed from now on). */
    public boolean appliesToFiling(LocalDate filedOn) {
        return propagation == Propagation.PENDING || filedOn == null || !filedOn.isBefore(effectiveFrom);
    }

    /** The same publication, content and all: a re-publish of it is a no-op. */
    public boolean sameAs(ReferencePublication other) {
        return key().equals(other.key()) && version.equals(other.version) && content.equals(other.content)
                && propagation == other.propagation;
    }

    /** Whether it applies to cases (rules, calendars) rather than to indicator periods. */
    public boolean forCases() {
        return kind == ReferenceKind.RULES || kind == ReferenceKind.CALENDAR;
    }

    /**
     * What it applies to from its effective date: the propagation code for rules and calendars; for courts and
     * indicator intervals, which have none, {@code events-from-effective-date} and {@code periods-ending-from-effective-date}.
     */
    public String appliesTo() {
        return forCases() ? propagation.code() : kind == ReferenceKind.COURTS ? "events-from-effective-date"
                : "periods-ending-from-effective-date";
    }

    @Override
    public String toString() {
        return key() + " " + version + (effectiveFrom == null ? "" : " (effective " + effectiveFrom + ")") + " "
                + (forCases() ? propagation.code() : kind == ReferenceKind.COURTS ? "events dated from then on"
                : "periods ending on or after it");
    }
}
