package org.caseflow.streams.runtime.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.caseflow.streams.runtime.cli.CliConsole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code caseflow replay --config FILE} computes with the engine settings of the file the app runs with, so replay
 * still equals live when an operator changes them: here the wait for a filing ({@code caseflow.engine.orphan.timeout.ms}).
 * A judge is assigned to a case never filed; three days later it still waits under the default 7 days, and its event
 * is dead-lettered {@code never-filed} under 1 day.
 */
class ReplayConfigTest {
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
        Files.writeString(file, "{\"eventId\":\"o1\",\"type\":\"JUDGE_ASSIGNED\",\"caseId\":\"(2026)湘0211民初900号\","
                + "\"court\":\"湘0211\",\"occurredAt\":\"2026-11-08T09:00:00+08:00\",\"judge\":\"J-1\"}\n",
                StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void shouldWaitForTheFilingAsLongAsTheConfigurationSays() throws Exception {
        Path events = events();
        assertThat(replay("replay", events.toString(), "--as-of", "2026-11-11")).as(err.toString()).isZero();
        assertThat(err.toString()).doesNotContain("never-filed").contains("1 cases waiting for their filing");
        err.getBuffer().setLength(0);

        Path config = dir.resolve("caseflow.properties");
        Files.writeString(config, "caseflow.engine.orphan.timeout.ms=86400000\n", StandardCharsets.UTF_8);
        assertThat(replay("replay", events.toString(), "--as-of", "2026-11-11", "--config", config.toString()))
                .as(err.toString()).isZero();
        assertThat(err.toString()).contains("never-filed").contains("0 cases waiting for their filing");
    }

    /**
     * The OVERDUE interval and the higher court's escalation reach replay from the same file as live: a civil summary
     * case (CPL 164: 3 months) filed 2026-06-01 is due 2026-09-01 and 26 days overdue on 2026-09-27. Every 7 days
     * (DESIGN §5) that is OVERDUE-3; every 10 days OVERDUE-2, and with escalation from day 0 its reminders reach the
     * higher court (湘02) long before the default 30 days.
     */
    @Test
    void shouldRemindAndEscalateAsTheConfigurationSays() throws Exception {
        Path events = dir.resolve("overdue.jsonl");
        Files.writeString(events, "{\"eventId\":\"f1\",\"type\":\"CASE_FILED\",\"caseId\":\"(2026)湘0211民初901号\","
                + "\"court\":\"湘0211\",\"occurredAt\":\"2026-06-01T09:00:00+08:00\",\"procedure\":\"CIVIL_FIRST_SUMMARY\","
                + "\"filedOn\":\"2026-06-01\",\"judge\":\"J-1\"}\n", StandardCharsets.UTF_8);
        Path byDefault = dir.resolve("default.jsonl");
        assertThat(replay("replay", events.toString(), "--as-of", "2026-09-27", "--alerts-out", byDefault.toString()))
                .as(err.toString()).isZero();
        String weekly = Files.readString(byDefault, StandardCharsets.UTF_8);
        assertThat(weekly).contains("/v1/OVERDUE-3\"").doesNotContain("higher-court:");

        Path config = dir.resolve("caseflow.properties");
        Files.writeString(config, "caseflow.engine.overdue.reminder.days=10\n"
                + "caseflow.engine.escalation.higher-court.days=0\n", StandardCharsets.UTF_8);
        Path configured = dir.resolve("configured.jsonl");
        assertThat(replay("replay", events.toString(), "--as-of", "2026-09-27", "--alerts-out", configured.toString(),
                "--config", config.toString())).as(err.toString()).isZero();
        String everyTenDays = Files.readString(configured, StandardCharsets.UTF_8);
        assertThat(everyTenDays).contains("/v1/OVERDUE-2\"").doesNotContain("/v1/OVERDUE-3\"")
                .contains("higher-court:湘02");
    }

    @Test
    void shouldRefuseABadConfigurationWithExitTwo() throws Exception {
        Path config = dir.resolve("bad.properties");
        Files.writeString(config, "caseflow.engine.orphan.timeout.ms=soon\n", StandardCharsets.UTF_8);
        assertThat(replay("replay", events().toString(), "--as-of", "2026-11-11", "--config", config.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("caseflow.engine.orphan.timeout.ms: must be a whole number in");
    }
}
