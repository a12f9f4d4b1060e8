package org.caseflow.streams.domain.seeds;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import org.caseflow.streams.domain.calendar.WorkCalendar;
import org.caseflow.streams.domain.rules.RuleTable;

/**
 * One published version of reference data (issue 15): the seed file as published, validated with the seed readers,
 * with its version, effective date and {@link Propagation}. {@link #key()} names what it replaces: {@code rules/
 * trial-limits} or {@code calendar/<jurisdiction>}. Exactly one of {@link #rules()} and {@link #calendar()} is set.
 */
public record ReferencePublication(ReferenceKind kind, String table, String version, LocalDate effectiveFrom,
        Propagation propagation, String file, String content, RuleTable rules, WorkCalendar calendar) {
    /** The one rule table's name in keys. */
    public static final String RULE_TABLE = "trial-limits";

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
                        null);
            }
            case CALENDAR -> {
                WorkCalendar calendar = WorkCalendar.parse(name, content);
                ReferenceVersion v = required(name, calendar.version(), p);
                yield new ReferencePublication(kind, calendar.jurisdiction(), v.version(), v.effectiveFrom(), p, file,
                        text, null, calendar);
            }
            default -> throw SeedException.of(name, kind.code(), "cannot be published live (only rules and"
                    + " calendars): put the file in the seeds folder and restart the instances");
        };
    }

    private static ReferenceVersion required(Path file, ReferenceVersion version, Propagation propagation) {
        if (version == ReferenceVersion.UNVERSIONED) {
            throw SeedException.of(file, "version", "missing: a published file must carry a version");
        }
        if (propagation == Propagation.NEW_CASES && version.effectiveFrom() == null) {
            throw SeedException.of(file, "effectiveFrom", "missing: propagation new-cases applies the version to"
                    + " cases filed on or after it");
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

    @Override
    public String toString() {
        return key() + " " + version + (effectiveFrom == null ? "" : " (effective " + effectiveFrom + ")") + " "
                + propagation.code();
    }
}
