package org.caseflow.streams.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
