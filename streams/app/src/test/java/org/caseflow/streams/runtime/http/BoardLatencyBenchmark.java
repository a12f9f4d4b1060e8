package org.caseflow.streams.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.caseflow.streams.runtime.Waits;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Measures the board against a running demo (figures printed, nothing asserted about speed): the page's first
 * contentful paint and first data paint (the page's own {@code board-loaded} mark) in headless Chromium, and p50/p99
 * of every API call the board makes on load. Start a demo, then:
 * <pre>
 * ./caseflow demo --http-port 8080 &amp;
 * mvn -B -ntp -Pbenchmark -pl streams -am test -Dtest=BoardLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dcaseflow.board.url=http://127.0.0.1:8080
 * </pre>
 */
@Tag("benchmark")
class BoardLatencyBenchmark {
    private static final int WARM_UP = 20;
    private static final int CALLS = 200;
    private static final int PAGE_LOADS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldPrintFirstPaintAndApiLatencyOnTheDemo() throws Exception {
        String base = System.getProperty("caseflow.board.url", "http://127.0.0.1:8080");
        awaitReady(base);
        String court = URLEncoder.encode("湘", StandardCharsets.UTF_8);
        Map<String, String> calls = new LinkedHashMap<>();
        calls.put("session", "/api/v1/session");
        calls.put("courts", "/api/v1/courts");
        calls.put("indicator-definitions", "/api/v1/indicator-definitions");
        calls.put("clock", "/api/v1/clock");
        calls.put("indicators (one scope)", "/api/v1/courts/" + court + "/indicators?window=MONTH&subordinates=true&category=ALL");
        calls.put("indicators (all scopes)", "/api/v1/courts/" + court + "/indicators?window=MONTH");
        calls.put("trend (12 months)", "/api/v1/courts/" + court + "/trend?window=MONTH&category=ALL&subordinates=true");
        calls.put("heatmap (11 courts)", "/api/v1/courts/" + court + "/heatmap?window=MONTH&category=ALL");
        calls.put("at-risk page (15 days)", "/api/v1/courts/" + court
                + "/at-risk/page?withinDays=15&subordinates=true&sort=daysRemaining&desc=false&offset=0&limit=50");
        calls.put("at-risk page (all open)", "/api/v1/courts/" + court
                + "/at-risk/page?withinDays=3650&subordinates=true&sort=daysRemaining&desc=false&offset=0&limit=50");
        JsonNode page = JSON.readTree(get(base + calls.get("at-risk page (all open)")).body());
        String caseId = page.path("rows").path(0).path("caseId").asText();
        calls.put("case (drawer)", "/api/v1/cases/" + URLEncoder.encode(caseId, StandardCharsets.UTF_8));

        System.out.printf("board API on %s, %d sequential calls each after %d warm-up calls (court 湘 with its subordinate "
                + "courts; open cases with a deadline in the tree: %d)%n", base, CALLS, WARM_UP, page.path("total").asInt());
        System.out.printf("%-26s %9s %9s %9s%n", "call", "p50 ms", "p99 ms", "max ms");
        for (Map.Entry<String, String> call : calls.entrySet()) {
            double[] ms = new double[CALLS];
            for (int i = 0; i < WARM_UP + CALLS; i++) {
                long start = System.nanoTime();
                HttpResponse<String> answer = get(base + call.getValue());
                long took = System.nanoTime() - start;
                assertThat(answer.statusCode()).as(call.getKey()).isEqualTo(200);
                if (i >= WARM_UP) {
                    ms[i - WARM_UP] = took / 1e6;
                }
            }
            Arrays.sort(ms);
            System.out.printf(Locale.ROOT, "%-26s %9.1f %9.1f %9.1f%n", call.getKey(), ms[CALLS / 2],
                    ms[(int) Math.ceil(CALLS * 0.99) - 1], ms[CALLS - 1]);
        }

        Path dir = Files.createTempDirectory("board-bench");
        List<double[]> paints = new ArrayList<>();
        try (HeadlessChromium chromium = HeadlessChromium.start(dir, 1400, 1000)) {
            for (int i = 0; i < PAGE_LOADS + 1; i++) {
                chromium.navigate(base + "/ui/?live=0&run=" + i);
                chromium.waitFor("performance.getEntriesByName('board-loaded').length > 0");
                double fcp = chromium.eval("performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1").asDouble();
                double loaded = chromium.eval("performance.getEntriesByName('board-loaded')[0].startTime").asDouble();
                if (i > 0) { // the first load warms the JVM's code paths and the browser's cache of nothing
                    paints.add(new double[] {fcp, loaded});
                }
            }
        }
        paints.sort((a, b) -> Double.compare(a[1], b[1]));
        System.out.printf(Locale.ROOT, "board page, %d loads in headless Chromium: first contentful paint median %.0f ms "
                + "(max %.0f); data painted (tiles, heat map, at-risk list) median %.0f ms (max %.0f)%n", paints.size(),
                paints.stream().mapToDouble(p -> p[0]).sorted().toArray()[paints.size() / 2],
                paints.stream().mapToDouble(p -> p[0]).max().orElse(0), paints.get(paints.size() / 2)[1],
                paints.get(paints.size() - 1)[1]);
    }

    private void awaitReady(String base) throws Exception {
        // IOException: the demo is not listening yet.
        Waits.await("a ready demo at " + base + " (start one: ./caseflow demo --http-port 8080)", Duration.ofMinutes(10))
                .ignoreExceptionsInstanceOf(java.io.IOException.class).until(() -> get(base + "/health/ready").statusCode() == 200);
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
