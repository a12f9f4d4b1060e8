package org.caseflow.streams.runtime.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.caseflow.streams.runtime.cli.CaseflowCli;
import org.caseflow.streams.runtime.cli.CliConsole;
import org.caseflow.streams.topology.ReferenceFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code caseflow replay EVENTS --as-of WHEN --reference FILE...} (issue 15): the versions published live, taken from
 * the same files, so a replay computes what the running instances do. A case of 湘0211 filed 2026-11-08 under the
 * summary procedure (CPL 164: 3 months → Mon 2027-02-08): with the (hypothetical) 2027 schedule its last day is in
 * the Spring Festival and rolls forward to Mon 2027-02-15 (CPL 85, Civil Code 203).
 */
class ReplayReferenceTest {
    private static final String CASE = "(2026)湘0211民初800号";

    @TempDir
    Path dir;

    private final CliConsole console = new CliConsole();
    private final StringWriter out = console.out;
    private final StringWriter err = console.err;

    private int replay(String... args) {
        return console.run(args);
    }

    private Path events() throws Exception {
        Path file = dir.resolve("events.jsonl");
        Files.writeString(file, "{\"eventId\":\"r1\",\"type\":\"CASE_FILED\",\"caseId\":\"" + CASE + "\","
                + "\"court\":\"湘0211\",\"occurredAt\":\"2026-11-08T09:00:00+08:00\",\"procedure\":\"CIVIL_FIRST_SUMMARY\","
                + "\"filedOn\":\"2026-11-08\",\"foreignRelated\":false}\n");
        return file;
    }

    @Test
    void shouldComputeUnderThePublishedCalendar() throws Exception {
        Path calendar = dir.resolve("cn-2027.yaml");
        Files.write(calendar, ReferenceFiles.calendar2027());
        Path events = events();

        assertThat(replay("replay", events.toString(), "--as-of", "2026-12-01", "--cases-out", "-")).isZero();
        assertThat(out.toString()).contains("\"deadline\":\"2027-02-08\"");
        out.getBuffer().setLength(0);

        int exit = replay("replay", events.toString(), "--as-of", "2026-12-01", "--cases-out", "-", "--reference",
                calendar.toString());
        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("\"deadline\":\"2027-02-15\"").contains("CN calendar 2027.1");
    }

    /**
     * Indicator reference intervals published live apply to periods ending on or after their effectiveFrom; replay
     * takes the same file. 湘0211 files 2 cases and closes 1 in January 2027, and again in February: a clearance rate
     * (closures / filings) of 0.5 each month, WORSE against the seeds' [0.95, 1.05]; a version effective 2027-02-01
     * with [0.4, 0.6] makes February IN_RANGE and leaves January as it was.
     */
    @Test
    void shouldBandEachPeriodAgainstTheIntervalVersionInForceForIt() throws Exception {
        Path events = dir.resolve("indicator-events.jsonl");
        Files.writeString(events, String.join("\n", filing("i1", "1", "2027-01-04"), filing("i2", "2", "2027-01-05"),
                closing("i3", "1", "2027-01-20"), filing("i4", "3", "2027-02-01"), filing("i5", "4", "2027-02-02"),
                closing("i6", "2", "2027-02-10")) + "\n");
        Path intervals = dir.resolve("indicators-2027.yaml");
        Files.write(intervals, ReferenceFiles.indicatorIntervals("2027.1", "2027-02-01", "0.4", "0.6"));

        assertThat(replay("replay", events.toString(), "--as-of", "2027-02-28", "--indicators-out", "-")).isZero();
        assertThat(clearanceBands()).containsEntry("2027-01", "0.5 WORSE").containsEntry("2027-02", "0.5 WORSE");
        out.getBuffer().setLength(0);

        int exit = replay("replay", events.toString(), "--as-of", "2027-02-28", "--indicators-out", "-", "--reference",
                intervals.toString());
        assertThat(exit).as(err.toString()).isZero();
        assertThat(clearanceBands()).containsEntry("2027-01", "0.5 WORSE").containsEntry("2027-02", "0.5 IN_RANGE");
    }

    /** 湘0211 alone, all categories: MONTH clearance rate per period, "value band". */
    private java.util.Map<String, String> clearanceBands() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        for (String line : this.out.toString().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            com.fasterxml.jackson.databind.JsonNode v = json.readTree(line);
            if (v.path("scope").asText().equals("湘0211") && !v.path("includesSubordinates").asBoolean()
                    && v.path("category").asText().equals("ALL") && v.path("indicator").asText().equals("CLEARANCE_RATE")
                    && v.path("window").asText().equals("MONTH")) {
                out.put(v.path("period").asText(), v.path("value").asText() + " " + v.path("band").asText());
            }
        }
        return out;
    }

    private static String filing(String id, String n, String day) {
        return "{\"eventId\":\"" + id + "\",\"type\":\"CASE_FILED\",\"caseId\":\"(2027)湘0211民初" + n + "号\","
                + "\"court\":\"湘0211\",\"occurredAt\":\"" + day + "T09:00:00+08:00\",\"procedure\":\"CIVIL_FIRST_SUMMARY\","
                + "\"filedOn\":\"" + day + "\",\"foreignRelated\":false}";
    }

    private static String closing(String id, String n, String day) {
        return "{\"eventId\":\"" + id + "\",\"type\":\"CASE_CLOSED\",\"caseId\":\"(2027)湘0211民初" + n + "号\","
                + "\"court\":\"湘0211\",\"occurredAt\":\"" + day + "T16:00:00+08:00\",\"closedOn\":\"" + day + "\","
                + "\"disposition\":\"JUDGMENT\"}";
    }

    /**
     * A court added live is taken from the same file by replay: its events are accepted from its effectiveFrom on, it
     * rolls up into 湘02 with its subordinates, and without the file (or before the date) its events are refused.
     */
    @Test
    void shouldAcceptTheEventsOfACourtAddedLiveFromItsEffectiveDate() throws Exception {
        Path courts = dir.resolve("courts-2027.yaml");
        Files.write(courts, ReferenceFiles.courtsAdding("2027.1", "2027-01-01", ""));
        Path events = dir.resolve("new-court.jsonl");
        String early = filing("n0", "1", "2026-12-31").replace("湘0211", "湘0299");
        Files.writeString(events, early + "\n" + filing("n1", "2", "2027-01-04").replace("湘0211", "湘0299") + "\n");

        assertThat(replay("replay", events.toString(), "--as-of", "2027-01-31", "--cases-out", "-"))
                .isEqualTo(CaseflowCli.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("unknown court code 湘0299");
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);

        int exit = replay("replay", events.toString(), "--as-of", "2027-01-31", "--cases-out", "-", "--indicators-out",
                dir.resolve("ind.jsonl").toString(), "--reference", courts.toString());
        assertThat(exit).as("the 2026-12-31 filing is still refused").isEqualTo(CaseflowCli.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("court 湘0299 is in force from 2027-01-01 (added live)");
        assertThat(out.toString()).contains("(2027)湘0299民初2号").doesNotContain("(2027)湘0299民初1号");
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> filings = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("ind.jsonl"))) {
            com.fasterxml.jackson.databind.JsonNode v = json.readTree(line);
            if (v.path("indicator").asText().equals("FILINGS") && v.path("window").asText().equals("MONTH")
                    && v.path("category").asText().equals("ALL") && v.path("period").asText().equals("2027-01")) {
                filings.add(v.path("scope").asText() + "|" + v.path("includesSubordinates").asBoolean() + "="
                        + v.path("value").asText());
            }
        }
        assertThat(filings).contains("湘0299|false=1.0", "湘02|true=1.0", "湘|true=1.0");
    }

    @Test
    void shouldRefuseAnInvalidReferenceFileWithItsReason() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, new String(ReferenceFiles.calendar2027(), StandardCharsets.UTF_8)
                .replace("makeUpWorkingDays: [2027-02-20]", "makeUpWorkingDays: [2027-02-22]"));
        int exit = replay("replay", events().toString(), "--as-of", "2026-12-01", "--cases-out", "-", "--reference",
                bad.toString());
        assertThat(exit).isEqualTo(CaseflowCli.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains(bad + ": year 2027: makeUpWorkingDays: 2027-02-22");
        assertThat(out.toString()).isEmpty();
    }
}
