package org.caseflow.streams.runtime.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.caseflow.streams.runtime.cli.CaseflowCli;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays the statutory scenarios of {@code seeds/scenarios/statutory} through {@code caseflow replay}
 * and compares every case and alert sequence with the expectations computed by hand from the
 * statutes (CPL, CrPL, ALL, Civil Code 201-203, the SPC rules; DOMAIN.md sections 1-3 and 5).
 * Reads {@code manifest.jsonl} (file and as-of), {@code expected-cases.jsonl} and
 * {@code expected-alerts.jsonl}; each expectation carries its article and arithmetic in {@code why}.
 * Expectations were computed by hand first; the engine was then fixed where it disagreed.
 */
class StatutoryScenariosTest {
    private static final Path DIR = Path.of("seeds/scenarios/statutory");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** One replay per scenario file for the whole class: replays are deterministic. */
    private static final Map<String, Replayed> REPLAYS = new HashMap<>();

    @TempDir
    static Path tmp;

    record Replayed(int exitCode, Map<String, JsonNode> cases, List<JsonNode> alerts, byte[] caseBytes,
            byte[] alertBytes) {
    }

    @TestFactory
    Stream<DynamicContainer> shouldComputeEveryCaseAsTheStatutesSayByHand() {
        Map<String, List<JsonNode>> byScenario = groupByScenario(readLines(DIR.resolve("expected-cases.jsonl")));
        return byScenario.entrySet().stream().map(e -> DynamicContainer.dynamicContainer(e.getKey(),
                e.getValue().stream().map(expected -> DynamicTest.dynamicTest(
                        expected.get("caseId").asText() + ": " + expected.get("why").asText(),
                        () -> assertCaseMatches(expected, replay(e.getKey()))))));
    }

    @TestFactory
    Stream<DynamicTest> shouldRaiseAndResolveAlertsAtTheHandComputedThresholds() {
        // DESIGN 5: NOTICE/WARNING/CRITICAL at 00:00 local of deadline - lead days (trial-limits.yaml
        // leadTimes), BREACHED at 00:00 of deadline + 1, OVERDUE every 7 days after; RESOLVED on closure
        // or when the deadline moves to a new version.
        return readLines(DIR.resolve("expected-alerts.jsonl")).stream().map(expected -> DynamicTest.dynamicTest(
                expected.get("caseId").asText() + ": " + expected.get("why").asText(), () -> {
                    Replayed r = replay(expected.get("scenario").asText());
                    List<String> actual = r.alerts().stream()
                            .filter(a -> a.get("caseId").asText().equals(expected.get("caseId").asText()))
                            .map(StatutoryScenariosTest::alertLine).toList();
                    List<String> wanted = new ArrayList<>();
                    expected.get("alerts").forEach(a -> wanted.add(alertLine(a)));
                    assertThat(actual).containsExactlyElementsOf(wanted);
                }));
    }

    @Test
    void shouldReplayEveryScenarioWithoutInvalidLines() {
        for (JsonNode m : readLines(DIR.resolve("manifest.jsonl"))) {
            assertThat(replay(m.get("file").asText()).exitCode()).as(m.get("file").asText()).isZero();
        }
    }

    @Test
    void shouldRaiseNoAlertBeforeTheFirstLeadTimeOfAnyBaseLimit() {
        // As-of 2025-03-14: the earliest threshold is CRIMINAL_SPEEDY's NOTICE on 2025-03-18 (CrPL 225:
        // 03-11 + 10 = 03-21, lead 3 days), so no procedure may have raised anything yet.
        assertThat(replay("01-base-limits.jsonl").alerts()).isEmpty();
        assertThat(replay("01-base-limits.jsonl").cases()).hasSize(22);
    }

    @Test
    void shouldGiveByteIdenticalOutputForTwoReplaysOfTheSameFile() {
        // Issue 3: replay is deterministic; alerts and cases of a re-run must be the same bytes.
        for (String file : List.of("05-exclusions.jsonl", "06-extensions.jsonl", "08-closures.jsonl")) {
            Replayed first = replay(file);
            Replayed second = runReplay(file, asOf(file), "again-");
            assertThat(second.caseBytes()).as(file + " cases").isEqualTo(first.caseBytes());
            assertThat(second.alertBytes()).as(file + " alerts").isEqualTo(first.alertBytes());
            assertThat(first.alertBytes().length).as(file + " has alerts").isPositive();
        }
    }

    @Test
    void shouldCountTheOpenSuspensionUpToTheAsOfDayInExcludedDays() {
        // While a suspension is still open the case reports the days already stood still, up to the
        // day before the as-of day (DESIGN 3; 法释〔2000〕29号 art. 9): 05-06..07-04 = 60 days;
        // 05-28..07-04 = 38; 10 closed days of appraisal + 06-01..07-04 = 44.
        Map<String, JsonNode> cases = replay("05-exclusions.jsonl").cases();
        assertThat(cases.get("(2025)湘0211民初509号").get("excludedDays").asInt()).isEqualTo(60);
        assertThat(cases.get("(2025)湘0211民初510号").get("excludedDays").asInt()).isEqualTo(38);
        assertThat(cases.get("(2025)湘0211民初514号").get("excludedDays").asInt()).isEqualTo(44);
    }

    // ------------------------------------------------------------------ helpers

    private static void assertCaseMatches(JsonNode expected, Replayed replayed) {
        String caseId = expected.get("caseId").asText();
        JsonNode actual = replayed.cases().get(caseId);
        assertThat(actual).as(caseId + " in the replay output").isNotNull();
        for (String field : List.of("status", "deadline", "excludedDays", "closedOn", "onTime", "procedure",
                "clockStopped")) {
            if (expected.has(field)) {
                assertThat(actual.get(field)).as(caseId + " " + field).isEqualTo(expected.get(field));
            }
        }
        // Periods compare by value: P12M and P1Y are the same extension.
        assertThat(months(actual.get("extendedBy").asText())).as(caseId + " extendedBy")
                .isEqualTo(months(expected.get("extendedBy").asText()));
        if (expected.has("flagged")) {
            assertThat(actual.get("flags").isEmpty()).as(caseId + " compliance flag").isEqualTo(
                    !expected.get("flagged").asBoolean());
        }
        if (expected.has("explanationMentions")) {
            assertThat(actual.get("explanation").toString()).as(caseId + " explanation")
                    .contains(expected.get("explanationMentions").asText());
        }
    }

    private static String months(String period) {
        Period p = Period.parse(period).normalized();
        return p.toTotalMonths() + "M" + p.getDays() + "D";
    }

    private static String alertLine(JsonNode a) {
        return a.get("alertId").asText() + " " + a.get("level").asText() + " " + a.get("status").asText() + " at "
                + a.get("raisedAt").asText() + " daysRemaining " + a.get("daysRemaining").asInt();
    }

    private static synchronized Replayed replay(String file) {
        return REPLAYS.computeIfAbsent(file, f -> runReplay(f, asOf(f), ""));
    }

    private static String asOf(String file) {
        return readLines(DIR.resolve("manifest.jsonl")).stream()
                .filter(m -> m.get("file").asText().equals(file)).findFirst()
                .orElseThrow(() -> new IllegalStateException("not in manifest: " + file)).get("asOf").asText();
    }

    private static Replayed runReplay(String file, String asOf, String prefix) {
        Path cases = tmp.resolve(prefix + file + ".cases");
        Path alerts = tmp.resolve(prefix + file + ".alerts");
        int exit = CaseflowCli.execute("replay", DIR.resolve(file).toString(), "--as-of", asOf,
                "--cases-out", cases.toString(), "--alerts-out", alerts.toString());
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        readLines(cases).forEach(c -> byId.put(c.get("caseId").asText(), c));
        try {
            return new Replayed(exit, byId, readLines(alerts), Files.readAllBytes(cases), Files.readAllBytes(alerts));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, List<JsonNode>> groupByScenario(List<JsonNode> rows) {
        Map<String, List<JsonNode>> out = new LinkedHashMap<>();
        rows.forEach(r -> out.computeIfAbsent(r.get("scenario").asText(), k -> new ArrayList<>()).add(r));
        return out;
    }

    private static List<JsonNode> readLines(Path file) {
        try {
            List<JsonNode> out = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(JSON.readTree(line));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
