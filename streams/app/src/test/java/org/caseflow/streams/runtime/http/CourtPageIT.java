package org.caseflow.streams.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.caseflow.streams.runtime.Waits;
import org.caseflow.streams.runtime.app.CaseflowRuntime;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.kafka.OverdueInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The court page as a person sees it: headless Chromium (Debian package {@code chromium};
 * {@code ./test.sh} installs it) loads /ui/ from a running instance, runs its JavaScript against the
 * JSON API and shows the overdue case and the court's indicators. In CI a missing Chromium fails.
 */
@Tag("integration")
class CourtPageIT {
    private static final String CHROMIUM = "/usr/bin/chromium";

    @TempDir
    Path dir;

    static boolean chromiumInstalled() {
        boolean found = Files.isExecutable(Path.of(CHROMIUM));
        if (!found && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("Chromium is required in CI: ./test.sh installs the Debian package 'chromium'");
        }
        return found;
    }

    @Test
    void shouldShowTheOverdueCaseAndTheIndicatorsOfTheCourt() throws Exception {
        assumeTrue(chromiumInstalled(), "Debian package chromium not installed");
        CaseflowConfig config = OverdueInstance.config("page", dir.resolve("state"));
        String caseId = "(2024)湘0211民初77号";
        OverdueInstance.fileOverdueCase(config, caseId);
        try (CaseflowRuntime runtime = CaseflowRuntime.start(config)) {
            assertThat(runtime.app().awaitRunning(Duration.ofSeconds(60))).isTrue();
            String base = "http://127.0.0.1:" + config.http().port();
            awaitAtRisk(base + "/api/v1/courts/" + URLEncoder.encode("湘0211", StandardCharsets.UTF_8)
                    + "/at-risk?withinDays=15", caseId);

            String page = base + "/ui/?live=0&court=" + URLEncoder.encode("湘0211", StandardCharsets.UTF_8);
            // The page and the API carry the security headers, and the page still works under its CSP (below).
            HttpClient http = HttpClient.newHttpClient();
            for (String url : java.util.List.of(page, base + "/ui/app.js", base + "/api/v1/courts")) {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(answer.headers().firstValue("Content-Security-Policy")).as(url).hasValueSatisfying(csp ->
                        assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'"));
                assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(url).contains("nosniff");
                assertThat(answer.headers().firstValue("Referrer-Policy")).as(url).contains("no-referrer");
            }
            String dom = chromium("--dump-dom", page);
            assertThat(dom).contains("data-case-id=\"" + caseId + "\"");
            assertThat(dom).containsPattern("<tr data-case-id=\"[^\"]+\">.*class=\"num overdue\"");
            assertThat(dom).contains("data-indicator=\"FILINGS\"").contains("data-indicator=\"CLEARANCE_RATE\"");
            assertThat(dom).contains("湘0211 Tianyuan District People's Court");
            chromium("--screenshot=" + dir.resolve("court-page.png"), "--window-size=1280,900", page);
            assertThat(Files.size(dir.resolve("court-page.png"))).isPositive();
        }
    }

    private String chromium(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(CHROMIUM, "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                "--user-data-dir=" + Files.createTempDirectory(dir, "chromium"), "--virtual-time-budget=10000"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "chromium", ".out");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(dir.resolve("chromium.err").toFile()).start();
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static void awaitAtRisk(String url, String caseId) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Waits.await(caseId + " listed at risk by " + url).until(() -> http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body(), body -> body.contains(caseId));
    }
}
