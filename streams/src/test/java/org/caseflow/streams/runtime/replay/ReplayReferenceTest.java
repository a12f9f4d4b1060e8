package org.caseflow.streams.runtime.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.caseflow.streams.runtime.cli.CaseflowCli;
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

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int replay(String... args) {
        return CaseflowCli.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
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
