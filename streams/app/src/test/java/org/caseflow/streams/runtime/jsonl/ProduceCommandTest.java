package org.caseflow.streams.runtime.jsonl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.caseflow.streams.domain.cases.CaseNumbers;
import org.caseflow.streams.runtime.cli.CaseflowCli;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code caseflow produce FILE --dry-run} end to end through the CLI entry point tests use. */
class ProduceCommandTest {
    private static final String VALID = "seeds/scenarios/valid-all-types.jsonl";
    private static final String BROKEN = "seeds/scenarios/broken-lines.jsonl";
    private static final String FILING = "{\"eventId\":\"s-1\",\"type\":\"CASE_FILED\",\"caseId\":\"(2025)湘0211民初2001号\","
            + "\"court\":\"湘0211\",\"occurredAt\":\"2025-03-05T09:00:00+08:00\",\"procedure\":\"CIVIL_FIRST_ORDINARY\","
            + "\"filedOn\":\"2025-03-05\"}";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldReportAllLinesOfTheValidScenarioValid() {
        assertThat(CaseflowCli.execute("produce", VALID, "--dry-run")).isEqualTo(0);
        assertThat(out()).isEqualTo("24 valid, 0 invalid" + System.lineSeparator());
        assertThat(err()).isEmpty();
    }

    @Test
    void shouldReportEachBrokenLineInFileOrderAndExitTwo() {
        assertThat(CaseflowCli.execute("produce", BROKEN, "--dry-run")).isEqualTo(2);
        assertThat(out()).isEqualTo("3 valid, 30 invalid" + System.lineSeparator());
        assertThat(err().lines().map(line -> line.replaceFirst(" \\(allowed: .*\\)$", " (allowed: ...)")))
                .containsExactly(
                        "line 2: json: invalid JSON at column 153: Unexpected end-of-input: expected close marker for Object",
                        "line 3: json: expected a JSON object, found array",
                        "line 4: occurredAt: missing required field",
                        "line 5: closedOn: missing required field",
                        "line 6: type: unknown event type CASE_REOPENED (allowed: ...)",
                        "line 7: procedure: unknown procedure code CIVIL_FIRST (allowed: ...)",
                        "line 8: reason: unknown suspension reason code VACATION (allowed: ...)",
                        "line 9: disposition: unknown disposition code SETTLED (allowed: ...)",
                        "line 10: approvedBy: unknown approver code DIVISION_CHIEF (allowed: ...)",
                        "line 11: action: unknown enforcement action code FREEZE (allowed: ...)",
                        "line 12: heldOn: impossible date: 2025-02-30",
                        "line 13: heldOn: malformed date: 2025/03/12 (expected YYYY-MM-DD)",
                        "line 14: occurredAt: malformed instant: 2025-03-06 09:00 (expected e.g. 2025-03-03T09:15:00+08:00)",
                        "line 15: occurredAt: instant without offset: 2025-03-06T09:00:00 (add Z or an offset such as +08:00)",
                        "line 16: amount: must not be negative, got -500.00",
                        "line 17: amount: not a decimal amount: \"5千\" (expected e.g. \"12500.00\")",
                        "line 18: claimAmount: at most 2 decimal places, got 1000.005",
                        "line 19: resumedOn: before suspendedFrom (2025-03-10 < 2025-03-12)",
                        "line 20: months: an extension needs months or days (neither given)",
                        "line 21: days: must be positive, got 0",
                        "line 22: caseId: must not be blank",
                        "line 23: months: expected an integer, found string",
                        "line 24: courtroom: unknown field, ignored",
                        "line 26: encoding: invalid UTF-8 at byte 175 of the line",
                        "line 28: court: unknown court code 湘9999 (not in the court registry, seeds/courts)",
                        "line 29: court: case number (2025)湘0202民初2001号 is of court 湘0202, not 湘0211",
                        "line 30: occurredAt: implausible instant 9999-03-06T01:00:00Z (accepted: 1949-10-01 to 2100-01-01 in Asia/Shanghai)",
                        "line 31: closedOn: implausible date 1900-01-01 (accepted: 1949-10-01 to 2100-01-01)",
                        "line 32: filedOn: 2035-03-05 is after the day the event was recorded (2025-03-05, occurredAt in Asia/Shanghai;"
                                + " one day of slack): events may be recorded late, never early",
                        "line 33: caseId: control character U+0000 at character 14",
                        "line 34: judge: lone surrogate U+D800 at character 3 (not valid Unicode)");
    }

    @Test
    void shouldRejectEveryLineOverAConfiguredLimit() {
        assertThat(CaseflowCli.execute("produce", VALID, "--dry-run", "--max-line-bytes", "100")).isEqualTo(2);
        assertThat(out()).startsWith("0 valid, 24 invalid");
        assertThat(err()).contains("line 1: size: line is ").contains("over the limit of 100 bytes");
    }

    @Test
    void shouldExitTwoWithClearMessageForMissingFile() {
        assertThat(CaseflowCli.execute("produce", "seeds/scenarios/missing.jsonl", "--dry-run")).isEqualTo(2);
        assertThat(err()).contains("caseflow produce: cannot read seeds/scenarios/missing.jsonl: no such file");
        assertThat(out()).isEmpty();
    }

    @Test
    void shouldExitTwoForDirectory(@TempDir Path dir) {
        assertThat(CaseflowCli.execute("produce", dir.toString(), "--dry-run")).isEqualTo(2);
        assertThat(err()).contains("caseflow produce: cannot read " + dir);
    }

    @Test
    void shouldExitZeroForAnEmptyFile(@TempDir Path dir) throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "\n");
        assertThat(CaseflowCli.execute("produce", empty.toString(), "--dry-run")).isEqualTo(0);
        assertThat(out()).startsWith("0 valid, 0 invalid");
    }

    @Test
    void shouldRefuseToPublishWithoutABroker() {
        assertThat(CaseflowCli.execute("produce", VALID)).isEqualTo(2);
        assertThat(err()).contains("publishing needs a broker: pass --bootstrap-servers");
    }

    @Test
    void shouldRejectNonPositiveLimitAsBadUsage() {
        assertThat(CaseflowCli.execute("produce", VALID, "--dry-run", "--max-line-bytes", "0")).isEqualTo(2);
        assertThat(err()).contains("--max-line-bytes must be positive");
    }

    @Test
    void shouldPrintHelp() {
        assertThat(CaseflowCli.execute("produce", "--help")).isEqualTo(0);
        assertThat(out()).contains("--dry-run").contains("--max-line-bytes").contains("FILE");
    }

    @Test
    void shouldValidateTheWholeFileAndPublishNothingWhenAnyLineIsInvalid(@TempDir Path dir) throws IOException {
        // Issue 13: year 9999 used to reach the broker after the lines before it were published.
        Path file = Files.writeString(dir.resolve("events.jsonl"), String.join("\n",
                FILING, FILING.replace("s-1", "s-2").replace("2001号", "2002号"),
                FILING.replace("s-1", "s-3").replace("2025-03-05T09:00:00", "9999-03-05T09:00:00")) + "\n");
        // No broker listens there: the command must not even try to connect.
        assertThat(CaseflowCli.execute("produce", file.toString(), "--bootstrap-servers", "127.0.0.1:1")).isEqualTo(2);
        assertThat(err()).contains("line 3: occurredAt: implausible instant 9999-03-05T01:00:00Z")
                .contains("caseflow produce: nothing published: 1 of 3 lines invalid (fix them, or pass --skip-invalid");
        assertThat(out()).isEqualTo("0 published, 1 invalid" + System.lineSeparator());
    }

    @Test
    void shouldValidateStandardInputWholeBeforePublishing() {
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream((FILING + "\n" + FILING.replace("湘0211\"", "湘9999\"") + "\n")
                .getBytes(StandardCharsets.UTF_8)));
        try {
            assertThat(CaseflowCli.execute("produce", "-", "--bootstrap-servers", "127.0.0.1:1")).isEqualTo(2);
        } finally {
            System.setIn(original);
        }
        assertThat(err()).contains("line 2: court: unknown court code 湘9999").contains("nothing published: 1 of 2 lines");
    }

    @Test
    void shouldExitTwoWhenTheCourtsCannotBeLoaded(@TempDir Path dir) {
        assertThat(CaseflowCli.execute("produce", VALID, "--dry-run", "--seeds", dir.toString())).isEqualTo(2);
        assertThat(err()).contains("caseflow produce: cannot load the courts of " + dir);
    }

    @Test
    void shouldCheckCourtsAgainstTheSeedsFolderGiven(@TempDir Path dir) throws IOException {
        Path courts = Files.createDirectories(dir.resolve("courts"));
        Files.writeString(courts.resolve("one.yaml"), "description: one court\nsupervisionChain: [JUDGE, PRESIDENT]\n"
                + "courts:\n  - {code: 湘0211, name: 天元区人民法院, nameEn: Tianyuan, level: BASIC, zone: Asia/Shanghai,"
                + " jurisdiction: CN}\n");
        Files.createDirectories(dir.resolve("casenumbers"));
        Files.copy(Path.of("seeds", CaseNumbers.FILE), dir.resolve(CaseNumbers.FILE));
        assertThat(CaseflowCli.execute("produce", VALID, "--dry-run", "--seeds", dir.toString())).isEqualTo(2);
        assertThat(err()).contains("court: unknown court code 湘02 (not in the court registry, seeds/courts)");
    }
}
