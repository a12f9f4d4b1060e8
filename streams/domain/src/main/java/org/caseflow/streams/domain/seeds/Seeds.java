package org.caseflow.streams.domain.seeds;

import java.nio.file.Path;

import org.caseflow.streams.domain.calendar.CalendarRegistry;
import org.caseflow.streams.domain.cases.CaseNumbers;
import org.caseflow.streams.domain.calendar.WorkCalendar;
import org.caseflow.streams.domain.courts.Court;
import org.caseflow.streams.domain.courts.CourtRegistry;
import org.caseflow.streams.domain.indicators.IndicatorDefinitions;
import org.caseflow.streams.domain.rules.Procedure;
import org.caseflow.streams.domain.rules.RuleTable;

/**
 * Everything loaded from the seeds folder: {@code rules/trial-limits.yaml}, {@code calendars/*.yaml},
 * {@code courts/*.yaml}, {@code indicators/indicators.yaml}, {@code casenumbers/case-types.yaml}. Loading also checks
 * the links between them (each court's jurisdiction has a calendar; a case-number type says of its procedures what
 * their rules say).
 */
public record Seeds(RuleTable rules, CalendarRegistry calendars, CourtRegistry courts,
                    IndicatorDefinitions indicators, CaseNumbers caseNumbers) {

    /** Loads and cross-checks the seeds under {@code root}, every file read through {@code files}. */
    public static Seeds load(Path root, SeedFiles files) {
        RuleTable rules = RuleTable.load(root.resolve("rules").resolve("trial-limits.yaml"), files);
        CalendarRegistry calendars = CalendarRegistry.load(root.resolve("calendars"), files);
        CourtRegistry courts = CourtRegistry.load(root.resolve("courts"), files);
        for (Court c : courts.all()) {
            if (calendars.find(c.jurisdiction()).isEmpty()) {
                throw SeedException.of(root.resolve("courts"), "court " + c.code(),
                        "jurisdiction: no calendar '" + c.jurisdiction() + "' in " + root.resolve("calendars"));
            }
        }
        CaseNumbers caseNumbers = CaseNumbers.load(root, files);
        checkCaseNumbers(root.resolve(CaseNumbers.FILE), caseNumbers, rules);
        return new Seeds(rules, calendars, courts, IndicatorDefinitions.fromSeeds(root, files), caseNumbers);
    }

    /** A type code's category and instance are those of the rules of the procedures it numbers. */
    private static void checkCaseNumbers(Path file, CaseNumbers caseNumbers, RuleTable rules) {
        for (CaseNumbers.Type type : caseNumbers.types()) {
            for (Procedure procedure : type.procedures()) {
                rules.find(procedure).ifPresent(rule -> {
                    if (rule.category() != type.category() || rule.instance() != type.instance()) {
                        throw SeedException.of(file, "type " + type.code(), "procedures: " + procedure + " is "
                                + rule.category() + "/" + rule.instance() + " in the rule table, the type says "
                                + type.category() + "/" + type.instance());
                    }
                });
            }
        }
    }

    /**
     * The versions a deadline of a court in {@code jurisdiction} is computed with, in a fixed order: {@code rules},
     * {@code calendar} (the jurisdiction's), {@code courts}; snapshots carry them (issue 15).
     */
    public java.util.Map<String, String> versionsFor(String jurisdiction) {
        java.util.Map<String, String> versions = new java.util.LinkedHashMap<>();
        versions.put("rules", rules.version().toString());
        calendars.find(jurisdiction).ifPresent(c -> versions.put("calendar", c.jurisdiction() + " " + c.version()));
        versions.put("courts", courts.version().toString());
        return versions;
    }

    /** The same seeds with another court registry (courts added live, issue 15). */
    public Seeds withCourts(CourtRegistry other) {
        return new Seeds(rules, calendars, other, indicators, caseNumbers);
    }

    /** The same seeds with another rule table (a what-if: a proposed amendment). */
    public Seeds withRules(RuleTable other) {
        return new Seeds(other, calendars, courts, indicators, caseNumbers);
    }

    /**
     * The same seeds with another calendar for the jurisdiction it names (a what-if: a holiday schedule before it is
     * published, or a different roll-forward policy); a jurisdiction no calendar has is refused, it would change
     * nothing.
     */
    public Seeds withCalendar(Path file, WorkCalendar other) {
        if (calendars.find(other.jurisdiction()).isEmpty()) {
            throw SeedException.of(file, "jurisdiction", "'" + other.jurisdiction() + "' has no calendar to replace"
                    + " (have " + calendars.all().stream().map(WorkCalendar::jurisdiction).toList() + ")");
        }
        java.util.List<WorkCalendar> all = new java.util.ArrayList<>();
        for (WorkCalendar c : calendars.all()) {
            all.add(c.jurisdiction().equals(other.jurisdiction()) ? other : c);
        }
        return new Seeds(rules, new CalendarRegistry(all), courts, indicators, caseNumbers);
    }

}
