package org.caseflow.streams.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.caseflow.streams.runtime.config.ApiTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The alert stream over real HTTP (Javalin, no Kafka): id lines, Last-Event-ID resume, heartbeat comments. */
class AlertStreamResumeTest {
    private final AlertBroadcaster broadcaster = new AlertBroadcaster(100, Duration.ofMillis(200));
    private Javalin server;

    @BeforeEach
    void start() {
        server = Javalin.create(config -> config.showJavalinBanner = false)
                .sse("/stream", client -> broadcaster.register(client, Set.of(ApiTokens.ALL_COURTS)))
                .start("127.0.0.1", 0);
        broadcaster.following(Map.of(0, 0L, 1, 0L));
        broadcaster.publish(0, 0, "{\"alertId\":\"a\",\"court\":\"湘02\"}");
        broadcaster.publish(1, 0, "{\"alertId\":\"b\",\"court\":\"湘02\"}");
        broadcaster.publish(0, 1, "{\"alertId\":\"c\",\"court\":\"湘02\"}");
    }

    @AfterEach
    void stop() {
        broadcaster.close();
        server.stop();
    }

    /** The first {@code count} lines of the stream that pass the filter (the wait only bounds a failure). */
    private List<String> lines(String lastEventId, int count, java.util.function.Predicate<String> filter)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/stream"))
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines()).get(30, TimeUnit.SECONDS);
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> response.body().filter(filter).limit(count)
                .toList()).get(60, TimeUnit.SECONDS);
    }

    @Test
    void shouldResumeAfterTheLastEventIdWithAnIdOnEveryEvent() throws Exception {
        List<String> lines = lines("0:1,1:0", 4, line -> line.startsWith("id: ") || line.startsWith("data: "));
        assertThat(lines).containsExactly(
                "id: 0:1,1:1", "data: {\"alertId\":\"b\",\"court\":\"湘02\"}",
                "id: 0:2,1:1", "data: {\"alertId\":\"c\",\"court\":\"湘02\"}");
    }

    @Test
    void shouldSendHeartbeatCommentsOnAnIdleStream() throws Exception {
        assertThat(lines(null, 2, line -> line.startsWith(":"))).containsExactly(": caseflow alert stream",
                ": heartbeat");
    }
}
