package org.caseflow.streams.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.caseflow.streams.domain.input.TestChecks;
import org.caseflow.streams.runtime.jsonl.EventFileReader;
import org.caseflow.streams.runtime.jsonl.ParsedLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {
    @TempDir
    Path dir;

    @Test
    void shouldWriteValidJsonLinesThatTheParserAccepts() throws Exception {
        Path out = dir.resolve("events.jsonl");
        int code = CaseflowCli.execute("simulate", "--scale", "0.02", "--days", "40", "--out", out.toString());
        assertThat(code).isEqualTo(CaseflowCli.EXIT_OK);
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines).isNotEmpty();
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertThat(first.get("type").asText()).isEqualTo("CASE_FILED");
        assertThat(first.get("caseId").asText()).matches("\\(2025\\)湘02\\d*[民刑行执][初终申再]?\\d+号");
        long[] invalid = {0};
        new EventFileReader(TestChecks.SEEDED).read(out.toString(), line -> {
            if (line instanceof ParsedLine.Invalid) {
                invalid[0]++;
            }
        });
        assertThat(invalid[0]).isZero();
    }

    @Test
    void shouldWriteTheSameFileForTheSameSeed() throws Exception {
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        CaseflowCli.execute("simulate", "--seed", "5", "--scale", "0.02", "--days", "20", "--out", a.toString());
        CaseflowCli.execute("simulate", "--seed", "5", "--scale", "0.02", "--days", "20", "--out", b.toString());
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    }

    @Test
    void shouldStopAfterMaxEvents() throws Exception {
        Path out = dir.resolve("few.jsonl");
        assertThat(CaseflowCli.execute("simulate", "--max-events", "25", "--out", out.toString())).isZero();
        assertThat(Files.readAllLines(out)).hasSize(25);
    }

    @Test
    void shouldSimulateUnderTheRuleTableOfTheSeedsFolder() throws Exception {
        // A seeds folder whose rule table gives the summary procedure's president 2 months instead of 1 (CPL 164):
        // the simulated extensions follow the table the command loaded.
        Path seeds = Files.createDirectories(dir.resolve("seeds"));
        for (String part : List.of("rules", "calendars", "courts", "indicators", "casenumbers")) {
            copyTree(Path.of("seeds", part), seeds.resolve(part));
        }
        Path rules = seeds.resolve("rules").resolve("trial-limits.yaml");
        String yaml = Files.readString(rules, StandardCharsets.UTF_8);
        int entry = yaml.indexOf("- code: CIVIL_FIRST_SUMMARY\n");
        String step = "{approver: PRESIDENT, amount: {months: 1}, cap: {months: 4}}";
        int at = yaml.indexOf(step, entry);
        assertThat(at).isGreaterThan(entry);
        Files.writeString(rules, yaml.substring(0, at) + "{approver: PRESIDENT, amount: {months: 2}, cap: {months: 5}}"
                + yaml.substring(at + step.length()), StandardCharsets.UTF_8);
        Path out = dir.resolve("what-if.jsonl");

        assertThat(CaseflowCli.execute("simulate", "--seeds", seeds.toString(), "--scale", "0.05", "--days", "365",
                "--out", out.toString())).isEqualTo(CaseflowCli.EXIT_OK);

        ObjectMapper json = new ObjectMapper();
        Map<String, String> procedures = new HashMap<>();
        List<JsonNode> summaryExtensions = new ArrayList<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            JsonNode e = json.readTree(line);
            if (e.has("procedure")) {
                procedures.put(e.get("caseId").asText(), e.get("procedure").asText());
            }
            if (e.get("type").asText().equals("EXTENSION_GRANTED")
                    && procedures.get(e.get("caseId").asText()).equals("CIVIL_FIRST_SUMMARY")) {
                summaryExtensions.add(e);
            }
        }
        assertThat(summaryExtensions).isNotEmpty()
                .allSatisfy(e -> assertThat(e.get("months").asInt()).isEqualTo(2));
    }

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }

    @Test
    void shouldRefuseBadOptionsWithExitTwo() {
        assertThat(CaseflowCli.execute("simulate", "--scale", "-1")).isEqualTo(CaseflowCli.EXIT_BAD_INPUT);
        assertThat(CaseflowCli.execute("simulate", "--days", "0")).isEqualTo(CaseflowCli.EXIT_BAD_INPUT);
        assertThat(CaseflowCli.execute("simulate", "--start", "2025-13-01")).isEqualTo(CaseflowCli.EXIT_BAD_INPUT);
        assertThat(CaseflowCli.execute("simulate", "--court", "湘0211", "--max-events", "1", "--out",
                dir.resolve("x").toString())).isEqualTo(CaseflowCli.EXIT_BAD_INPUT);
        assertThat(CaseflowCli.execute("simulate", "--seeds", dir.resolve("missing").toString(), "--out",
                dir.resolve("y").toString())).isEqualTo(CaseflowCli.EXIT_BAD_INPUT);
    }
}
