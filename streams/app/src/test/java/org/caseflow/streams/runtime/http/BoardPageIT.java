package org.caseflow.streams.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.caseflow.streams.runtime.Waits;
import org.caseflow.streams.runtime.app.CaseflowRuntime;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.config.TokenHash;
import org.caseflow.streams.runtime.kafka.OverdueInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The court board as a president sees it, in headless Chromium driven over the DevTools protocol against a running
 * instance on the embedded broker: the default view (top court with its subordinate courts) lists a basic court's
 * overdue case, the heat map has a cell per court and indicator, 同比 stays blank without year-earlier data, the
 * labels are Chinese with {@code ?lang=zh}, and a token-protected API is reached through the login form with the token
 * never in the URL. Screenshots go to {@code target/board/} for people to look at.
 */
@Tag("integration")
class BoardPageIT {
    private static final String OVERDUE_CASE = "(2024)湘0211民初77号";
    private static final String NEW_CASE = "(2026)湘0281民初1号";
    private static final Path SCREENSHOTS = Path.of("target", "board");
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void shouldShowTheCourtTreeHeatMapTilesAndChineseLabels() throws Exception {
        assumeTrue(HeadlessChromium.installed(), "Debian package chromium not installed");
        CaseflowConfig config = OverdueInstance.config("board", dir.resolve("state"));
        fileCases(config);
        try (CaseflowRuntime runtime = CaseflowRuntime.start(config)) {
            assertThat(runtime.app().awaitRunning(WAIT)).isTrue();
            String base = "http://127.0.0.1:" + config.http().port();
            awaitData(base, null);
            try (HeadlessChromium chromium = HeadlessChromium.start(dir, 1400, 1000)) {
                // Default view: no court asked for, an open API → the top court with its subordinate courts.
                long started = System.nanoTime();
                chromium.navigate(base + "/ui/?live=0");
                chromium.waitFor("document.body.dataset.loaded === 'true'");
                System.out.printf("board: first paint %.0f ms, data painted %.0f ms after navigation (this machine, now)%n",
                        chromium.eval("performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1")
                                .asDouble(), (System.nanoTime() - started) / 1e6);
                assertThat(chromium.eval("document.getElementById('court').value").asText()).isEqualTo("湘");
                assertThat(chromium.eval("document.getElementById('subordinates').checked").asBoolean()).isTrue();
                assertThat(chromium.eval("document.querySelector('#at-risk tbody tr[data-case-id=\"" + OVERDUE_CASE
                        + "\"] td.overdue') !== null").asBoolean()).as("subordinate court's overdue case listed").isTrue();
                assertThat(chromium.eval("document.getElementById('clock').dataset.mode").asText()).isEqualTo("WALL_CLOCK");

                List<String> courts = codes(get(base + "/api/v1/courts"), "code");
                List<String> indicators = codes(get(base + "/api/v1/indicator-definitions"), "code").stream()
                        .filter(Predicate.not(code -> code.startsWith("PENDING_AGE_"))).toList();
                assertThat(courts).hasSize(11);
                for (String court : courts) {
                    for (String indicator : indicators) {
                        assertThat(chromium.eval("document.querySelector('#heatmap tbody td[data-court=\"" + court
                                + "\"][data-indicator=\"" + indicator + "\"]') !== null").asBoolean())
                                .as("heat map cell %s × %s", court, indicator).isTrue();
                    }
                }
                // Ranking: a click on an indicator orders the courts and numbers them.
                chromium.eval("document.querySelector('#heatmap thead th[data-indicator=\"PENDING\"]').click()");
                assertThat(chromium.eval("document.querySelector('#heatmap tbody tr:not(.total)').dataset.court")
                        .asText()).isIn("湘0211", "湘0281");

                // The case drawer: the deadline explanation line by line and the history.
                chromium.eval("document.querySelector('#at-risk a[data-case-id]').click()");
                chromium.waitFor("!document.getElementById('drawer').hidden");
                assertThat(chromium.eval("document.querySelectorAll('#drawer .explanation li').length").asInt()).isPositive();
                assertThat(chromium.eval("document.querySelectorAll('#drawer .history tr').length").asInt()).isPositive();
                chromium.screenshot(SCREENSHOTS.resolve("board-default.png"));

                // A court with data only this month: its filings show, its 同比 is blank, not 0.
                chromium.navigate(base + "/ui/?live=0&court=" + URLEncoder.encode("湘0281", StandardCharsets.UTF_8));
                chromium.waitFor("document.body.dataset.loaded === 'true' && document.getElementById('court').value === '湘0281'");
                assertThat(tile(chromium, "FILINGS", ".tile-value")).isEqualTo("1");
                assertThat(tile(chromium, "FILINGS", ".tile-yoy")).isEmpty();
                assertThat(tile(chromium, "PENDING", ".tile-yoy")).isEmpty();
                chromium.screenshot(SCREENSHOTS.resolve("board-new-court.png"));

                // The monthly pack of the live topology: served under a CSP that admits only its own style block.
                String month = java.time.YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
                String report = base + "/api/v1/courts/" + URLEncoder.encode("湘", StandardCharsets.UTF_8) + "/report?month=" + month;
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(report)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(answer.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                        assertThat(csp).contains("style-src 'sha256-").contains("default-src 'none'"));
                assertThat(answer.body()).contains("data-case-id=\"" + OVERDUE_CASE + "\"", "data-court=\"湘0281\"");
                HttpResponse<byte[]> pdf = http.send(HttpRequest.newBuilder(URI.create(report + "&format=pdf")).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertThat(pdf.statusCode()).isEqualTo(200);
                assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
                assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
                chromium.navigate(report);
                chromium.waitFor("document.querySelector('h2') !== null");
                assertThat(chromium.eval("getComputedStyle(document.querySelector('h2')).borderBottomStyle").asText())
                        .as("the report's style applies under its CSP").isEqualTo("solid");
                chromium.screenshot(SCREENSHOTS.resolve("report-live.png"));

                // The same pack from the deployment's compacted topics (caseflow report --from-topics).
                Path fromTopics = dir.resolve("from-topics.html");
                String pack = Waits.await("the pack from the topics counts the new filing").until(() -> {
                    assertThat(org.caseflow.streams.runtime.cli.CaseflowCli.execute("report", "--court", "湘", "--month", month,
                            "--from-topics", "--bootstrap-servers", config.bootstrapServers(), "--topic-prefix", "board.",
                            "--out", fromTopics.toString())).isZero();
                    return java.nio.file.Files.readString(fromTopics, StandardCharsets.UTF_8);
                }, text -> text.contains("data-scope=\"湘0281|court\" data-indicator=\"FILINGS\">1<"));
                assertThat(pack).contains("data-scope=\"湘0281|court\" data-indicator=\"FILINGS\">1<",
                        "data-case-id=\"" + OVERDUE_CASE + "\"");

                chromium.navigate(base + "/ui/?live=0&lang=zh&court=" + URLEncoder.encode("湘02", StandardCharsets.UTF_8));
                chromium.waitFor("document.body.dataset.loaded === 'true' && document.documentElement.lang === 'zh-CN'");
                assertThat(chromium.eval("document.querySelector('.tile[data-indicator=\"CLEARANCE_RATE\"] .tile-name')"
                        + ".textContent").asText()).isEqualTo("结收比");
                assertThat(chromium.eval("document.querySelector('#heatmap thead th[data-indicator=\"ON_TIME_CLOSURE_RATE\"]')"
                        + ".textContent").asText()).startsWith("审限内结案率");
                assertThat(chromium.dom()).contains("审限预警").contains("含下级法院").doesNotContain(">Clearance rate<");
                chromium.screenshot(SCREENSHOTS.resolve("board-zh.png"));
            }
        }
    }

    @Test
    void shouldReachATokenProtectedApiThroughTheLoginFormWithoutTheTokenInTheUrl() throws Exception {
        assumeTrue(HeadlessChromium.installed(), "Debian package chromium not installed");
        String token = "board-token-0123";
        CaseflowConfig config = OverdueInstance.config("board-token", dir.resolve("state"),
                Map.of("caseflow.api.tokens", TokenHash.of(token, 1_000).written() + ":湘02"));
        fileCases(config);
        try (CaseflowRuntime runtime = CaseflowRuntime.start(config)) {
            assertThat(runtime.app().awaitRunning(WAIT)).isTrue();
            String base = "http://127.0.0.1:" + config.http().port();
            awaitData(base, token);
            try (HeadlessChromium chromium = HeadlessChromium.start(dir, 1400, 1000)) {
                chromium.navigate(base + "/ui/");
                chromium.waitFor("!document.getElementById('login').hidden");
                assertThat(chromium.eval("document.getElementById('board').hidden").asBoolean()).isTrue();
                chromium.screenshot(SCREENSHOTS.resolve("board-login.png"));
                chromium.eval("document.getElementById('login-token').value = '" + token + "';"
                        + "document.getElementById('login-form').requestSubmit()");
                chromium.waitFor("document.body.dataset.loaded === 'true'");
                assertThat(chromium.eval("location.href").asText()).doesNotContain(token);
                // The token's first court with its subordinate courts it may read.
                assertThat(chromium.eval("document.getElementById('court').value").asText()).isEqualTo("湘02");
                assertThat(chromium.eval("document.querySelector('#at-risk tbody tr[data-case-id=\"" + OVERDUE_CASE
                        + "\"]') !== null").asBoolean()).isTrue();
                // The token's scope is 湘02 with its subordinate courts: the high court above it is not shown.
                assertThat(chromium.eval("[...document.querySelectorAll('#heatmap tbody tr')].map(r => r.dataset.court)"
                        + ".filter(c => c === '湘').length").asInt()).as("no court outside the token's").isZero();
                assertThat(chromium.eval("document.querySelectorAll('#heatmap tbody tr').length").asInt()).isEqualTo(11);
                if (sessionEndpoint(base, token)) {
                    // With the server's session cookie the live feed is on (EventSource sends the cookie).
                    assertThat(chromium.eval("document.getElementById('alerts-state').textContent").asText())
                            .doesNotContain("off");
                    // Closing the overdue case resolves its alerts: the feed shows them as resolved, in court time.
                    Instant closedAt = Instant.now();
                    OverdueInstance.publish(config, org.caseflow.events.CaseEvent.newBuilder().setEventId(OVERDUE_CASE + "#close")
                            .setCaseId(OVERDUE_CASE).setCourt("湘0211").setOccurredAt(closedAt)
                            .setPayload(org.caseflow.events.CaseClosed.newBuilder()
                                    .setClosedOn(LocalDate.ofInstant(closedAt, ZoneId.of("Asia/Shanghai")))
                                    .setDisposition(org.caseflow.events.Disposition.JUDGMENT).build()).build());
                    chromium.waitFor("document.querySelector('#alerts li.status-RESOLVED') !== null");
                    String resolved = chromium.eval("document.querySelector('#alerts li.status-RESOLVED').textContent").asText();
                    assertThat(resolved).contains("resolved", OVERDUE_CASE);
                    // Court local time (Asia/Shanghai), day/month/year hour:minute, not the raw UTC instant.
                    assertThat(resolved).matches("\\d{2}/\\d{2}/\\d{4}, \\d{2}:\\d{2}.*").doesNotContain("Z");
                }
                chromium.screenshot(SCREENSHOTS.resolve("board-token.png"));
            }
        }
    }

    private static String tile(HeadlessChromium chromium, String indicator, String part) throws Exception {
        return chromium.eval("document.querySelector('.tile[data-indicator=\"" + indicator + "\"] " + part + "')"
                + ".textContent").asText();
    }

    /** The overdue case at 湘0211 (filed 2024) and a case filed today at 湘0281 (no data a year earlier). */
    private static void fileCases(CaseflowConfig config) throws Exception {
        OverdueInstance.fileOverdueCase(config, OVERDUE_CASE);
        Instant now = Instant.now().minusSeconds(60);
        OverdueInstance.fileCase(config, NEW_CASE, "湘0281", now, LocalDate.ofInstant(now, ZoneId.of("Asia/Shanghai")));
    }

    /** Waits until the API lists the overdue case and counts the new filing. */
    private void awaitData(String base, String token) throws Exception {
        String atRisk = base + "/api/v1/courts/" + URLEncoder.encode("湘0211", StandardCharsets.UTF_8) + "/at-risk";
        String indicators = base + "/api/v1/courts/" + URLEncoder.encode("湘0281", StandardCharsets.UTF_8) + "/indicators";
        Waits.await("the API lists the overdue case and counts the new filing").until(
                () -> get(atRisk, token) + get(indicators, token), answers -> answers.contains(OVERDUE_CASE)
                        && answers.contains("\"indicator\":\"FILINGS\"") && answers.contains("\"value\":1.0"));
    }

    private boolean sessionEndpoint(String base, String token) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + token + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        return answer.statusCode() == 204;
    }

    private String get(String url) throws Exception {
        return get(url, null);
    }

    private String get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
    }

    private static List<String> codes(String json, String field) throws Exception {
        JsonNode array = JSON.readTree(json);
        List<String> out = new java.util.ArrayList<>();
        array.forEach(node -> out.add(node.path(field).asText()));
        return out;
    }
}
