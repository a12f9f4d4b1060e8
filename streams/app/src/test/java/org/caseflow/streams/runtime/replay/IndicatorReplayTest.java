package org.caseflow.streams.runtime.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseflow.streams.runtime.cli.CaseflowCli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: {@code caseflow replay seeds/scenarios/indicators/one-month.jsonl --as-of 2025-03-31
 * --indicators-out F} gives the hand-computed values of that folder's README (case events → case facts →
 * indicator ledgers → DESIGN §7 JSON lines).
 */
class IndicatorReplayTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonNode> BY_KEY = new LinkedHashMap<>();
    private static final List<String> KEYS = new ArrayList<>();

    @TempDir
    static Path dir;

    @BeforeAll
    static void replay() throws IOException {
        Path out = dir.resolve("indicators.jsonl");
        int exit = CaseflowCli.execute("replay", "seeds/scenarios/indicators/one-month.jsonl", "--as-of", "2025-03-31",
                "--indicators-out", out.toString(), "--cases-out", dir.resolve("cases.jsonl").toString(),
                "--alerts-out", dir.resolve("alerts.jsonl").toString());
        assertThat(exit).isZero();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            JsonNode n = JSON.readTree(line);
            String key = n.get("scope").asText() + "|" + n.get("includesSubordinates").asBoolean() + "|"
                    + n.get("category").asText() + "|" + n.get("indicator").asText() + "|" + n.get("window").asText()
                    + "|" + n.get("period").asText();
            BY_KEY.put(key, n);
            KEYS.add(key);
        }
    }

    private static JsonNode get(String scope, boolean tree, String indicator) {
        JsonNode n = BY_KEY.get(scope + "|" + tree + "|ALL|" + indicator + "|MONTH|2025-03");
        assertThat(n).as(scope + " " + tree + " " + indicator).isNotNull();
        return n;
    }

    @Test
    void shouldReplayHandComputedValuesForTheBasicCourt() {
        // FILINGS: filed in March at 湘0211 — 101号, 102号, 执201号 (950号 was filed in December).
        assertCount(get("湘0211", false, "FILINGS"), 3);
        // CLEARANCE_RATE (结收比) = closures (101号, 950号) / filings = 2 / 3.
        assertRatio(get("湘0211", false, "CLEARANCE_RATE"), 2, 3);
        // ON_TIME_CLOSURE_RATE = closed by the deadline / closures with one = 1 / 2: 950号's summary-procedure limit
        // (CPL 164: three months) ended 2025-03-02, a Sunday, rolled to Monday 03-03; it closed 03-25.
        assertRatio(get("湘0211", false, "ON_TIME_CLOSURE_RATE"), 1, 2);
        // APPEAL_RATE (上诉率) = appeals whose origin is in scope / first-instance closures = 1 / 2: the appeal is
        // filed at 湘02 but its origin 101号 is 湘0211's.
        assertRatio(get("湘0211", false, "APPEAL_RATE"), 1, 2);
        // CASE_MATTER_RATIO (案-件比) = all filings / originating first-instance filings (101号, 102号) = 3 / 2.
        assertRatio(get("湘0211", false, "CASE_MATTER_RATIO"), 3, 2);
        // PENDING at the end of March = 102号 and 执201号.
        assertCount(get("湘0211", false, "PENDING"), 2);
    }

    @Test
    void shouldReplayHandComputedValuesForTheCityWithItsCourts() {
        assertCount(get("湘02", true, "FILINGS"), 5);
        assertCount(get("湘02", true, "CLOSURES"), 3);
        assertRatio(get("湘02", true, "CLEARANCE_RATE"), 3, 5);
        assertRatio(get("湘02", true, "ON_TIME_CLOSURE_RATE"), 2, 3);
        assertRatio(get("湘02", true, "APPEAL_RATE"), 1, 3);
        assertRatio(get("湘02", true, "CASE_MATTER_RATIO"), 5, 3);
        assertCount(get("湘02", true, "PENDING"), 3);
        // The intermediate court alone closed no first-instance case: no appeal rate of its own.
        assertThat(get("湘02", false, "APPEAL_RATE").get("value").isNull()).isTrue();
    }

    @Test
    void shouldCoverEveryPeriodFromTheFirstMonthInOrder() {
        // December 2024 (950号's filing) is the first month with data: periods 2024-12 .. 2025-03, YTD 2024 and 2025.
        assertThat(BY_KEY).containsKeys("湘0211|false|ALL|FILINGS|MONTH|2024-12", "湘0211|false|ALL|FILINGS|YEAR_TO_DATE|2024",
                "湘0211|false|ALL|FILINGS|YEAR_TO_DATE|2025", "湘0211|false|CRIMINAL|FILINGS|ROLLING_12M|2025-03");
        assertThat(BY_KEY).doesNotContainKey("湘0211|false|ALL|FILINGS|MONTH|2025-04");
        assertThat(BY_KEY.get("湘0211|false|ALL|FILINGS|ROLLING_12M|2025-03").get("value").asDouble()).isEqualTo(4.0);
        assertThat(KEYS).doesNotHaveDuplicates();
        assertThat(KEYS.get(0)).startsWith("湘|true|ADMINISTRATIVE|");
    }

    private static void assertCount(JsonNode n, double expected) {
        assertThat(n.get("value").asDouble()).isEqualTo(expected);
        assertThat(n.get("numerator").asDouble()).isEqualTo(expected);
    }

    private static void assertRatio(JsonNode n, double numerator, double denominator) {
        assertThat(n.get("numerator").asDouble()).isEqualTo(numerator);
        assertThat(n.get("denominator").asDouble()).isEqualTo(denominator);
        assertThat(n.get("value").asDouble()).isCloseTo(numerator / denominator, within(1e-12));
    }
}
