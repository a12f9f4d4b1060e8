package org.caseflow.streams.topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Seed files for the live-change tests (issue 15), made from the repository's seeds so they stay in step with them.
 *
 * <p>The 2027 schedule is hypothetical: in this project's world (December 2026) the State Council has not published
 * it. It gives the Spring Festival as Saturday 2027-02-06 to Friday 2027-02-12 and Saturday 2027-02-20 as a make-up
 * working day (调休), the shape of every recent notice (DOMAIN.md section 5).
 */
public final class ReferenceFiles {
    public static final Path SEED_CALENDAR = Path.of("seeds/calendars/cn-mainland.yaml");
    public static final Path SEED_RULES = Path.of("seeds/rules/trial-limits.yaml");
    public static final Path SEED_INDICATORS = Path.of("seeds/indicators/indicators.yaml");

    private ReferenceFiles() {
    }

    /** The CN calendar with 2027 added, as version 2027.1. */
    public static byte[] calendar2027() {
        String seed = read(SEED_CALENDAR);
        if (!seed.contains("version: \"2026.1\"")) {
            throw new IllegalStateException("the seed calendar's version changed: update this fixture");
        }
        return (seed.replace("version: \"2026.1\"", "version: \"2027.1\"").stripTrailing() + "\n"
                + "  - year: 2027\n"
                + "    source: hypothetical 2027 arrangements (test fixture)\n"
                + "    daysOff:\n"
                + "      - {name: \"New Year's Day\", from: 2027-01-01}\n"
                + "      - {name: Spring Festival, from: 2027-02-06, to: 2027-02-12}\n"
                + "    makeUpWorkingDays: [2027-02-20]\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The rule table as version 2027.1 (effective 2027-01-01) with the summary procedure at {@code months} months. */
    public static byte[] rulesWithSummaryMonths(int months) {
        String seed = read(SEED_RULES);
        int at = seed.indexOf("code: CIVIL_FIRST_SUMMARY");
        int limit = seed.indexOf("limit: {amount: 3, unit: MONTHS}", at);
        if (at < 0 || limit < 0 || !seed.contains("version: \"2024.1\"")) {
            throw new IllegalStateException("the seed rule table changed: update this fixture");
        }
        String changed = seed.substring(0, limit) + "limit: {amount: " + months + ", unit: MONTHS}"
                + seed.substring(limit + "limit: {amount: 3, unit: MONTHS}".length());
        return changed.replace("version: \"2024.1\"", "version: \"2027.1\"")
                .replace("effectiveFrom: 2024-01-01", "effectiveFrom: 2027-01-01").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The rule table as version 2027.1 (effective 2027-01-01) with the summary procedure's NOTICE lead time at
     * {@code noticeDays} (its limit unchanged).
     */
    public static byte[] rulesWithSummaryNotice(int noticeDays) {
        String seed = read(SEED_RULES);
        int at = seed.indexOf("code: CIVIL_FIRST_SUMMARY");
        String lead = "leadTimes: {notice: 15, warning: 7, critical: 3}";
        int where = seed.indexOf(lead, at);
        if (at < 0 || where < 0 || where - at > 1_000) {
            throw new IllegalStateException("the seed rule table changed: update this fixture");
        }
        String changed = seed.substring(0, where) + "leadTimes: {notice: " + noticeDays + ", warning: 7, critical: 3}"
                + seed.substring(where + lead.length());
        return changed.replace("version: \"2024.1\"", "version: \"2027.1\"")
                .replace("effectiveFrom: 2024-01-01", "effectiveFrom: 2027-01-01").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The indicator definitions as {@code version} effective {@code effectiveFrom}, with the clearance rate's
     * reference interval at [{@code low}, {@code high}] (the seeds': [0.95, 1.05], illustrative).
     */
    public static byte[] indicatorIntervals(String version, String effectiveFrom, String low, String high) {
        String seed = read(SEED_INDICATORS);
        String interval = "interval: {low: 0.95, high: 1.05, illustrative: true}";
        int at = seed.indexOf("code: CLEARANCE_RATE");
        int where = seed.indexOf(interval, at);
        if (at < 0 || where < 0 || where - at > 500 || !seed.contains("version: \"2025.1\"")) {
            throw new IllegalStateException("the seed indicator definitions changed: update this fixture");
        }
        String changed = seed.substring(0, where) + "interval: {low: " + low + ", high: " + high + ", illustrative: true}"
                + seed.substring(where + interval.length());
        return changed.replace("version: \"2025.1\"", "version: \"" + version + "\"")
                .replace("effectiveFrom: 2025-01-01", "effectiveFrom: " + effectiveFrom).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A courts file adding the hypothetical basic court 湘0299 under 湘02 as version {@code version}, effective
     * {@code effectiveFrom}, with {@code extra} appended to its court list (another court line, or nothing).
     */
    public static byte[] courtsAdding(String version, String effectiveFrom, String extra) {
        return ("version: \"" + version + "\"\n"
                + "effectiveFrom: " + effectiveFrom + "\n"
                + "description: a court added while the application runs (hypothetical, test fixture)\n"
                + "supervisionChain: [JUDGE, DIVISION_CHIEF, PRESIDENT, HIGHER_COURT]\n"
                + "courts:\n"
                + "  - {code: 湘0299, name: 株洲市新区人民法院, nameEn: Zhuzhou New District People's Court, level: BASIC,"
                + " parent: 湘02, zone: Asia/Shanghai, jurisdiction: CN}\n" + extra).getBytes(StandardCharsets.UTF_8);
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
