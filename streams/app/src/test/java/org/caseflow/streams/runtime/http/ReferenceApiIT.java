package org.caseflow.streams.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.caseflow.streams.runtime.Waits;
import org.caseflow.streams.runtime.app.CaseflowRuntime;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.config.TokenHash;
import org.caseflow.streams.runtime.kafka.OverdueInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/v1/reference} and the board's banner (issue 15): open cases whose deadline falls in a year without a
 * published holiday calendar are counted per court and year, limited to the token's courts, and the board says so.
 * CPL 152: ordinary first instance, 6 months — filed 2026-12-01 at 湘0211, due 2027-06-01, a year the seeds' calendar
 * (2024–2026) does not cover.
 */
@Tag("integration")
class ReferenceApiIT {
    private static final String ALL = TokenHash.newToken();
    private static final String OTHER_COURT = TokenHash.newToken();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void shouldCountUncoveredDeadlinesForTheTokensCourtsAndShowTheBanner() throws Exception {
        // Event time: the count does not depend on the machine's date (a wall clock before 2026-12 would refuse it).
        CaseflowConfig config = OverdueInstance.config("reference-api", dir.resolve("state"), Map.of(
                "caseflow.api.tokens", hashed(ALL) + ":*;" + hashed(OTHER_COURT) + ":湘0202",
                "caseflow.clock.mode", "EVENT_TIME"));
        try (CaseflowRuntime runtime = CaseflowRuntime.start(config)) {
            assertThat(runtime.app().awaitRunning(WAIT)).isTrue();
            OverdueInstance.fileCase(config, "(2026)湘0211民初77号", "湘0211", Instant.parse("2026-12-01T02:00:00Z"),
                    LocalDate.of(2026, 12, 1));
            String url = "http://127.0.0.1:" + config.http().port() + "/api/v1/reference";

            assertThat(get(url, null).statusCode()).isEqualTo(401);
            JsonNode all = await(url, ALL, r -> r.path("uncoveredTotal").asLong() == 1);
            assertThat(all.path("uncovered").get(0).path("court").asText()).isEqualTo("湘0211");
            assertThat(all.path("uncovered").get(0).path("year").asInt()).isEqualTo(2027);
            assertThat(all.path("calendars").get(0).path("coveredThrough").asInt()).isEqualTo(2026);
            assertThat(all.path("versions").toString()).contains("\"key\":\"calendar/CN\",\"version\":\"2026.1\"");
            JsonNode other = JSON.readTree(get(url, OTHER_COURT).body());
            assertThat(other.path("uncoveredTotal").asLong()).as("湘0211's cases are not 湘0202's to see").isZero();
            assertThat(other.path("versions")).isNotEmpty();

            assumeTrue(HeadlessChromium.installed(), "Debian package chromium not installed");
            try (HeadlessChromium chromium = HeadlessChromium.start(dir, 1200, 900)) {
                chromium.navigate("http://127.0.0.1:" + config.http().port() + "/ui/?live=0");
                chromium.waitFor("!document.getElementById('login').hidden");
                chromium.eval("document.getElementById('login-token').value = '" + ALL + "';"
                        + " document.getElementById('login-form').requestSubmit(); true");
                chromium.waitFor("document.body.dataset.loaded === 'true'"
                        + " && !document.getElementById('uncovered-banner').hidden");
                assertThat(chromium.eval("document.getElementById('uncovered-banner').textContent").asText())
                        .startsWith("1 open cases have a deadline in a year without a published holiday calendar (2027)");
            }
        }
    }

    private HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The answer of {@code url} once it is 200 and satisfies {@code done}; the failure shows the last answer. */
    private JsonNode await(String url, String token, java.util.function.Predicate<JsonNode> done) throws Exception {
        HttpResponse<String> answer = Waits.await(url + " as expected").until(() -> get(url, token),
                r -> r.statusCode() == 200 && done.test(ApiCalls.json(r.body())));
        return JSON.readTree(answer.body());
    }

    private static String hashed(String token) {
        return TokenHash.of(token, 1_000).written();
    }
}
