package org.caseflow.streams.runtime.metrics;

import org.caseflow.streams.runtime.Ports;
import org.caseflow.streams.runtime.Waits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
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
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.caseflow.streams.runtime.app.CaseflowRuntime;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.config.TokenHash;
import org.caseflow.streams.runtime.kafka.OverdueInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus (Debian package {@code prometheus}; {@code ./test.sh} installs it) scrapes a
 * running Caseflow instance and answers queries for its series; {@code promtool} checks the shipped
 * scrape config and alert rules and runs the rules' unit tests. In CI a missing Prometheus fails the test;
 * elsewhere it is skipped. DashboardQueriesIT runs every dashboard and rule expression.
 */
@Tag("integration")
class PrometheusScrapeIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The calendar rule's tests need promtool's clock in October, so they have a file with a coarser interval. */
    private static final List<Path> RULE_TESTS = List.of(Path.of("deploy/prometheus/caseflow-alerts.test.yml"),
            Path.of("deploy/prometheus/caseflow-calendar-alerts.test.yml"));

    @TempDir
    Path dir;

    static boolean prometheusInstalled() {
        return PrometheusServer.installed();
    }

    @Test
    void shouldShipAScrapeConfigAndAlertRulesThatPromtoolAccepts() throws Exception {
        assumeTrue(prometheusInstalled(), "Debian package prometheus not installed");
        assertThat(run("promtool", "check", "rules", "deploy/prometheus/caseflow-alerts.yml")).isZero();
        Path config = dir.resolve("prometheus.yml");
        Files.copy(Path.of("deploy/prometheus/caseflow-alerts.yml"), dir.resolve("caseflow-alerts.yml"));
        Files.copy(Path.of("deploy/prometheus/caseflow-notify-alerts.yml"), dir.resolve("caseflow-notify-alerts.yml"));
        Files.writeString(dir.resolve("metrics-token"), TokenHash.newToken());
        Files.writeString(config, Files.readString(Path.of("deploy/prometheus/prometheus.yml"))
                .replace("/etc/prometheus/caseflow-alerts.yml", dir.resolve("caseflow-alerts.yml").toString())
                .replace("/etc/prometheus/caseflow-notify-alerts.yml", dir.resolve("caseflow-notify-alerts.yml").toString())
                .replace("/etc/prometheus/secrets/caseflow-metrics-token", dir.resolve("metrics-token").toString()));
        assertThat(run("promtool", "check", "config", config.toString())).isZero();
    }

    @Test
    void shouldPassThePromtoolUnitTestsOfTheAlertRules() throws Exception {
        assumeTrue(prometheusInstalled(), "Debian package prometheus not installed");
        for (Path tests : RULE_TESTS) {
            assertThat(run("promtool", "test", "rules", tests.toString())).as("%s", tests).isZero();
        }
    }

    @Test
    void shouldTestEveryAlertRuleBothFiringAndNotFiring() throws Exception {
        Map<String, Set<Boolean>> fires = new TreeMap<>();
        for (Path tests : RULE_TESTS) {
            for (JsonNode test : new ObjectMapper(new YAMLFactory()).readTree(tests.toFile()).path("tests")) {
                for (JsonNode check : test.path("alert_rule_test")) {
                    fires.computeIfAbsent(check.path("alertname").asText(), k -> new TreeSet<>())
                            .add(check.path("exp_alerts").size() > 0);
                }
            }
        }
        for (String alert : RuleExpressions.alerts(RuleExpressions.RULES).keySet()) {
            assertThat(fires.get(alert)).as("promtool tests of %s (firing, not firing)", alert)
                    .containsExactly(false, true);
        }
    }

    @Test
    void shouldBeScrapedByPrometheusWithAlertAndEventSeries() throws Exception {
        assumeTrue(prometheusInstalled(), "Debian package prometheus not installed");
        // As deployed: /metrics behind a token with the metrics scope, which Prometheus reads from a file.
        String token = TokenHash.newToken();
        Files.writeString(dir.resolve("metrics-token"), token + "\n");
        CaseflowConfig config = OverdueInstance.config("prom", dir.resolve("state")).with(Map.of("caseflow.http.auth", "token",
                "caseflow.api.tokens", TokenHash.of(token, 1_000).written() + ":metrics"));
        OverdueInstance.fileOverdueCase(config, "(2024)湘0211民初1号");
        int promPort = Ports.freePort();
        Path promConfig = dir.resolve("scrape.yml");
        Files.writeString(promConfig, "global:\n  scrape_interval: 1s\nscrape_configs:\n  - job_name: caseflow\n"
                + "    metrics_path: /metrics\n    authorization:\n      type: Bearer\n      credentials_file: "
                + dir.resolve("metrics-token") + "\n"
                + "    static_configs:\n      - targets: ['127.0.0.1:" + config.http().port() + "']\n");
        try (CaseflowRuntime runtime = CaseflowRuntime.start(config)) {
            assertThat(runtime.app().awaitRunning(java.time.Duration.ofSeconds(60))).isTrue();
            Process prometheus = new ProcessBuilder("prometheus", "--config.file=" + promConfig,
                    "--storage.tsdb.path=" + dir.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + promPort)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
            try {
                JsonNode alerts = awaitSeries(promPort, "caseflow_alerts_total{status=\"FIRING\"}");
                assertThat(alerts.get(0).path("metric").path("level").asText()).isIn("BREACHED", "OVERDUE");
                assertThat(alerts.get(0).path("metric").path("job").asText()).isEqualTo("caseflow");
                JsonNode events = awaitSeries(promPort, "caseflow_events_total{type=\"CASE_FILED\",outcome=\"applied\"}");
                assertThat(events.get(0).path("value").get(1).asDouble()).isEqualTo(1.0);
                assertThat(awaitSeries(promPort, "up{job=\"caseflow\"}").get(0).path("value").get(1).asText())
                        .isEqualTo("1");
            } finally {
                prometheus.destroy();
                prometheus.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * Polls Prometheus's query API until the query has a result; the failure shows the last one. An I/O error is
     * polled again (Prometheus not up yet); twice a second, since answers change with scrapes, not faster.
     */
    private static JsonNode awaitSeries(int port, String query) {
        String url = "http://127.0.0.1:" + port + "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
        return Waits.await("a series for " + query).pollInterval(Duration.ofMillis(500)).ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.ofString()).body()).path("data").path("result"), result -> result.size() > 0);
    }

    private static int run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).inheritIO().start();
        return p.waitFor(60, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }
}
