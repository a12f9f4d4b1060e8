package org.caseflow.streams.runtime.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.caseflow.events.CaseSnapshot;
import org.caseflow.streams.domain.cases.CaseEngine;
import org.caseflow.streams.domain.input.EventChecks;
import org.caseflow.streams.domain.seeds.Seeds;
import org.caseflow.streams.domain.seeds.TestSeeds;
import org.caseflow.streams.runtime.jsonl.EventFileReader;
import org.caseflow.streams.runtime.jsonl.ParsedLine;
import org.caseflow.streams.runtime.cli.CaseflowCli;
import org.caseflow.streams.runtime.cli.CliConsole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code caseflow replay EVENTS --as-of WHEN --rules|--calendar ALT.yaml --diff} on a hand-built history of two cases of
 * 湘0211, both filed 2025-03-03: A under the summary procedure (CPL 164: 3 months → 2025-06-03, a Tuesday), B under
 * the ordinary procedure (CPL 152: 6 months → 2025-09-03, a Wednesday).
 */
class WhatIfReplayTest {
    private static final String A = "(2025)湘0211民初7001号";
    private static final String B = "(2025)湘0211民初7002号";

    @TempDir
    Path dir;

    private final CliConsole console = new CliConsole();
    private final StringWriter out = console.out;
    private final StringWriter err = console.err;

    private Path events() throws Exception {
        Path file = dir.resolve("events.jsonl");
        Files.writeString(file, filed("w1", A, "CIVIL_FIRST_SUMMARY") + "\n" + filed("w2", B, "CIVIL_FIRST_ORDINARY") + "\n");
        return file;
    }

    private static String filed(String id, String caseId, String procedure) {
        return "{\"eventId\":\"" + id + "\",\"type\":\"CASE_FILED\",\"caseId\":\"" + caseId + "\",\"court\":\"湘0211\","
                + "\"occurredAt\":\"2025-03-03T09:00:00+08:00\",\"procedure\":\"" + procedure + "\","
                + "\"filedOn\":\"2025-03-03\",\"foreignRelated\":false}";
    }

    private int replay(String... args) {
        return console.run(args);
    }

    private List<String> rows() {
        return out.toString().lines().filter(l -> !l.startsWith("#") && !l.startsWith("caseId")).toList();
    }

    @Test
    void shouldShowWhichCasesAProposedShorterLimitWouldBreach() throws Exception {
        // The proposal: the summary procedure's limit cut from 3 months (CPL 164) to 2. A's last day becomes
        // 2025-05-03, inside the Labour Day holiday (05-01..05-05), so it rolls forward to 2025-05-06 (CPL 85 ¶4).
        String table = Files.readString(Path.of("seeds/rules/trial-limits.yaml"));
        int summary = table.indexOf("code: CIVIL_FIRST_SUMMARY");
        int limit = table.indexOf("limit: {amount: 3, unit: MONTHS}", summary);
        Path alt = dir.resolve("rules-alt.yaml");
        Files.writeString(alt, table.substring(0, limit) + "limit: {amount: 2, unit: MONTHS}"
                + table.substring(limit + "limit: {amount: 3, unit: MONTHS}".length()));

        int exit = replay("replay", events().toString(), "--as-of", "2025-05-20", "--rules", alt.toString(), "--diff");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(rows()).containsExactly(
                A + "\t湘0211\tCIVIL_FIRST_SUMMARY\t2025-06-03\t2025-05-06\t-28\tno\tyes",
                B + "\t湘0211\tCIVIL_FIRST_ORDINARY\t2025-09-03\t2025-09-03\t0\tno\tno");
        assertThat(out.toString()).contains(
                "# summary: 1 of 2 cases move (0 later, 1 earlier), 1 newly breached, 0 no longer breached",
                "# procedure CIVIL_FIRST_SUMMARY: 1 of 1 cases move (0 later, 1 earlier), 1 newly breached",
                "# procedure CIVIL_FIRST_ORDINARY: 0 of 1 cases move",
                "# court 湘0211: 1 of 2 cases move");
    }

    @Test
    void shouldShowWhatAHolidayNotYetPublishedWouldMove() throws Exception {
        // A calendar with one more day off on 2025-06-03: A's last day is a rest day and rolls to 06-04 (CPL 85 ¶4).
        String calendar = Files.readString(Path.of("seeds/calendars/cn-mainland.yaml"));
        String anchor = "      - {name: Dragon Boat Festival, from: 2025-05-31, to: 2025-06-02}\n";
        assertThat(calendar).contains(anchor);
        Path alt = dir.resolve("calendar-alt.yaml");
        Files.writeString(alt, calendar.replace(anchor, anchor + "      - {name: Test holiday, from: 2025-06-03}\n"));

        int exit = replay("replay", events().toString(), "--as-of", "2025-06-04", "--calendar", alt.toString(),
                "--diff");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(rows()).containsExactly(
                A + "\t湘0211\tCIVIL_FIRST_SUMMARY\t2025-06-03\t2025-06-04\t1\tyes\tno",
                B + "\t湘0211\tCIVIL_FIRST_ORDINARY\t2025-09-03\t2025-09-03\t0\tno\tno");
        assertThat(out.toString()).contains(
                "# summary: 1 of 2 cases move (1 later, 0 earlier), 0 newly breached, 1 no longer breached");
    }

    @Test
    void shouldRefuseAnInvalidAlternativeWholeWithItsReason() throws Exception {
        Path alt = dir.resolve("rules-bad.yaml");
        Files.writeString(alt, Files.readString(Path.of("seeds/rules/trial-limits.yaml"))
                .replaceFirst("limit: \\{amount: 3, unit: MONTHS\\}", "limit: {amount: 3, unit: FORTNIGHTS}"));

        int exit = replay("replay", events().toString(), "--as-of", "2025-05-20", "--rules", alt.toString(), "--diff");

        assertThat(exit).isEqualTo(CaseflowCli.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("rules-bad.yaml").contains("FORTNIGHTS");
        assertThat(rows()).as("nothing compared").isEmpty();
    }

    @Test
    void shouldCiteTheReferenceVersionsInEverySnapshotAndExplanation() throws Exception {
        Seeds seeds = TestSeeds.load(Path.of("seeds"));
        Path state = Files.createDirectory(dir.resolve("state"));
        try (Replayer replayer = new Replayer(new CaseEngine(seeds, CaseEngine.Settings.defaults()), state,
                new SimpleMeterRegistry())) {
            EventFileReader reader = new EventFileReader(new EventChecks(seeds.courts(), seeds.caseNumbers()));
            try (var in = Files.newInputStream(events())) {
                reader.read(in, line -> replayer.pipe(((ParsedLine.Valid) line).event()));
            }
            Instant asOf = AsOf.parse("2025-05-20", CaseEngine.Settings.defaults().defaultZone());
            replayer.advanceTo(asOf);
            List<CaseSnapshot> cases = replayer.cases(asOf);
            assertThat(cases).hasSize(2).allSatisfy(c -> {
                assertThat(c.getReferenceVersions()).containsExactlyInAnyOrderEntriesOf(Map.of(
                        "rules", "2024.1 (effective 2024-01-01)",
                        "calendar", "CN 2026.1 (effective 2024-01-01)",
                        "courts", "zhuzhou.yaml 2025.1 (effective 2024-01-01)"));
                assertThat(c.getExplanation()).last().asString().startsWith("reference data: rule table 2024.1");
            });
        }
    }

    @Test
    void shouldAskForAnAlternativeWhenDiffIsGivenAlone() throws Exception {
        int exit = replay("replay", events().toString(), "--as-of", "2025-05-20", "--diff");

        assertThat(exit).isEqualTo(CaseflowCli.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("--diff needs --rules or --calendar");
    }
}
