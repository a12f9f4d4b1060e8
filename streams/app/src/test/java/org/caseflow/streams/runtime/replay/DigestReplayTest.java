package org.caseflow.streams.runtime.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.caseflow.streams.runtime.cli.CaseflowCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code caseflow replay EVENTS --as-of WHEN --digests-out F}: JSON lines of every digest closed by the as-of, the same
 * bytes on every run, with the hand-computed contents of DigestTopologyTest's history (three summary civil cases of
 * 湘0211, judge J-1; CPL 164: three months from filing — A 2025-06-03, B 2025-06-10, C 2025-06-20).
 */
class DigestReplayTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void shouldWriteTheSameHandCheckedDigestsOnEveryRun() throws Exception {
        Path events = dir.resolve("events.jsonl");
        Files.write(events, List.of(filed("a1", "(2025)湘0211民初1号", "2025-03-03"),
                filed("b1", "(2025)湘0211民初2号", "2025-03-10"), filed("c1", "(2025)湘0211民初3号", "2025-03-20")),
                StandardCharsets.UTF_8);
        Path first = dir.resolve("digests-1.jsonl");
        Path second = dir.resolve("digests-2.jsonl");
        assertThat(CaseflowCli.execute("replay", events.toString(), "--as-of", "2025-06-06", "--digests-out",
                first.toString())).isZero();
        assertThat(CaseflowCli.execute("replay", events.toString(), "--as-of", "2025-06-06", "--digests-out",
                second.toString())).isZero();
        assertThat(Files.readAllBytes(second)).as("deterministic").isEqualTo(Files.readAllBytes(first));

        List<String> lines = Files.readAllLines(first, StandardCharsets.UTF_8);
        JsonNode d = lines.stream().map(DigestReplayTest::read)
                .filter(n -> n.path("recipient").asText().equals("judge:J-1") && n.path("period").asText().equals("2025-06-04"))
                .findFirst().orElseThrow();
        // 06-04: A breached at 00:00 (1 day overdue), B 6 days left (WARNING), C not yet alerted (NOTICE on 06-05).
        assertThat(d.path("kind").asText()).isEqualTo("digest");
        assertThat(d.path("periodKind").asText()).isEqualTo("day");
        assertThat(d.path("counts").toString()).isEqualTo("{\"cases\":2,\"NOTICE\":0,\"WARNING\":1,\"CRITICAL\":0,"
                + "\"BREACHED\":1,\"OVERDUE\":0,\"newlyBreached\":1,\"dueWithin3\":0,\"dueWithin7\":1,\"dueWithin15\":1,"
                + "\"overdue\":1,\"acknowledged\":0}");
        assertThat(d.path("cases").toString()).isEqualTo("[{\"caseId\":\"(2025)湘0211民初1号\",\"court\":\"湘0211\","
                + "\"procedure\":\"CIVIL_FIRST_SUMMARY\",\"level\":\"BREACHED\",\"deadline\":\"2025-06-03\","
                + "\"daysOverdue\":1,\"acknowledged\":false}]");
        assertThat(d.path("previousPeriod").asText()).isEqualTo("2025-06-03");
        // Month and week digests of the court; nothing closed after the as-of (2025-06-06 00:00: the 5th is the last day).
        assertThat(lines).anyMatch(l -> l.contains("\"recipient\":\"court:湘0211\",\"period\":\"2025-05\""));
        assertThat(lines).noneMatch(l -> l.contains("\"period\":\"2025-06-06\""));
    }

    private static String filed(String id, String caseId, String day) {
        return "{\"eventId\":\"" + id + "\",\"type\":\"CASE_FILED\",\"caseId\":\"" + caseId + "\",\"court\":\"湘0211\","
                + "\"occurredAt\":\"" + day + "T10:00:00+08:00\",\"procedure\":\"CIVIL_FIRST_SUMMARY\",\"filedOn\":\"" + day
                + "\",\"judge\":\"J-1\",\"division\":\"民一庭\"}";
    }

    private static JsonNode read(String line) {
        try {
            return JSON.readTree(line);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
