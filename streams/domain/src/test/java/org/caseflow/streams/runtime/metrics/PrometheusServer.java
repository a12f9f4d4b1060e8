package org.caseflow.streams.runtime.metrics;

import org.caseflow.streams.runtime.Ports;
import org.caseflow.streams.runtime.Waits;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real Prometheus (Debian package {@code prometheus}; {@code ./test.sh} installs it) for tests: scrapes one
 * Caseflow instance every second as job {@code caseflow}, optionally with rule files, and answers queries.
 */
final class PrometheusServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final int port;

    private PrometheusServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Whether prometheus and promtool are installed; in CI their absence is a failure, elsewhere a skip. */
    static boolean installed() {
        boolean found = Files.isExecutable(Path.of("/usr/bin/prometheus"))
                && Files.isExecutable(Path.of("/usr/bin/promtool"));
        if (!found && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("Prometheus is required in CI: ./test.sh installs the Debian package 'prometheus'");
        }
        return found;
    }

    /** Starts Prometheus in {@code dir}, scraping {@code host:port}/metrics, evaluating {@code ruleFiles}. */
    static PrometheusServer start(Path dir, String target, Path... ruleFiles) throws IOException {
        int port = Ports.freePort();
        StringBuilder config = new StringBuilder("global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n");
        if (ruleFiles.length > 0) {
            config.append("rule_files:\n");
            for (Path rules : ruleFiles) {
                config.append("  - ").append(rules.toAbsolutePath()).append('\n');
            }
        }
        config.append("scrape_configs:\n  - job_name: caseflow\n    metrics_path: /metrics\n")
                .append("    static_configs:\n      - targets: ['").append(target).append("']\n");
        Path file = dir.resolve("prometheus.yml");
        Files.writeString(file, config);
        Process process = new ProcessBuilder("prometheus", "--config.file=" + file,
                "--storage.tsdb.path=" + dir.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        return new PrometheusServer(process, port);
    }

    /**
     * The instant query's result vector (empty when no series). A query Prometheus refuses (bad syntax, an
     * unknown function) fails at once with Prometheus's error; a server not up yet is retried by the callers.
     */
    JsonNode query(String expr) throws IOException, InterruptedException {
        JsonNode body = get("/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8));
        if (!"success".equals(body.path("status").asText())) {
            throw new AssertionError("Prometheus refused " + expr + ": " + body.path("error").asText());
        }
        return body.path("data").path("result");
    }

    /** Values of {@code label} among the series matching {@code selector}, sorted. */
    List<String> labelValues(String label, String selector) throws IOException, InterruptedException {
        JsonNode body = get("/api/v1/label/" + label + "/values?match[]="
                + URLEncoder.encode(selector, StandardCharsets.UTF_8));
        List<String> values = new ArrayList<>();
        body.path("data").forEach(v -> values.add(v.asText()));
        values.sort(String::compareTo);
        return values;
    }

    /** Polls {@code expr} until its result satisfies {@code done}; the failure shows the last result. */
    JsonNode await(String expr, Predicate<JsonNode> done) {
        return await(expr, Waits.PATIENCE, done);
    }

    /**
     * As {@link #await(String, Predicate)} for a wait that legitimately takes longer. An I/O error is polled again:
     * Prometheus may still be starting. Twice a second: its answers change with its scrapes, not faster.
     */
    JsonNode await(String expr, Duration patience, Predicate<JsonNode> done) {
        return Waits.await("an answer to " + expr + " as expected", patience).pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsInstanceOf(IOException.class).until(() -> query(expr), done);
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
