package org.caseflow.streams.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.caseflow.streams.runtime.Waits;
import org.caseflow.streams.runtime.app.CaseflowRuntime;
import org.caseflow.streams.runtime.config.ApiTokens;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.kafka.OverdueInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/v1/alerts/stream}: server-sent events of the alerts raised while a client listens. */
@Tag("integration")
class AlertStreamIT {
    @TempDir
    Path dir;

    @Test
    void shouldStreamAnAlertRaisedWhileTheClientListens() throws Exception {
        CaseflowConfig config = OverdueInstance.config("sse", dir.resolve("state"));
        try (CaseflowRuntime runtime = CaseflowRuntime.start(config)) {
            assertThat(runtime.app().awaitRunning(Duration.ofSeconds(60))).isTrue();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + config.http().port()
                    + "/api/v1/alerts/stream")).header("Accept", "text/event-stream").build();
            CompletableFuture<HttpResponse<Stream<String>>> response = HttpClient.newHttpClient()
                    .sendAsync(request, HttpResponse.BodyHandlers.ofLines());
            AlertBroadcaster alerts = runtime.alerts();
            Waits.await("the client is connected and the alert tail follows the topic's end")
                    .until(() -> alerts.clientCount() == 1 && tailFollows(alerts));

            String caseId = "(2024)湘0211民初88号";
            OverdueInstance.fileOverdueCase(config, caseId);

            CompletableFuture<List<String>> firstAlert = response.thenApply(r -> r.body()
                    .dropWhile(line -> !line.startsWith("id: ")).limit(3).toList());
            List<String> lines = firstAlert.get(Waits.PATIENCE.toSeconds(), TimeUnit.SECONDS);
            // The id is the stream position after the alert: a client reconnecting with it resumes there.
            assertThat(lines.get(0)).matches("id: \\d+:\\d+(,\\d+:\\d+){5}");
            assertThat(lines.get(1)).isEqualTo("event: alert");
            // CPL 164: filed 2024-01-02, due 2024-04-02: long overdue by the wall clock.
            assertThat(lines.get(2)).startsWith("data: ").contains("\"caseId\":\"" + caseId + "\"")
                    .contains("\"status\":\"FIRING\"").containsPattern("\"level\":\"(BREACHED|OVERDUE)\"");
        }
    }

    /**
     * True once the alert tail has told the broadcaster the offsets it follows from (it does so right after seeking
     * to the topic's end, before reading): until then a client resuming from any position, here one past every offset
     * of every partition the topic may have, is told of a gap.
     */
    private static boolean tailFollows(AlertBroadcaster alerts) {
        String beyondEveryOffset = IntStream.range(0, 1_000).mapToObj(p -> p + ":" + Long.MAX_VALUE)
                .collect(Collectors.joining(","));
        GapProbe probe = new GapProbe();
        alerts.connect(probe, Set.of(ApiTokens.ALL_COURTS), beyondEveryOffset);
        alerts.disconnect(probe);
        return !probe.gap;
    }

    /** A client that only notes whether it was told of a gap. */
    private static final class GapProbe implements AlertSink {
        private boolean gap;

        @Override
        public void send(String event, String id, String data) {
            gap |= "gap".equals(event);
        }

        @Override
        public void comment(String text) {
        }

        @Override
        public boolean closed() {
            return false;
        }
    }
}
