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
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.caseflow.streams.runtime.Waits;
import org.caseflow.streams.runtime.app.CaseflowRuntime;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.config.TokenHash;
import org.caseflow.streams.runtime.kafka.OverdueInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/v1/alerts/{alertId}/ack} on a running instance: 401 without a token, 403 for a token of other courts,
 * 404 for an alert that is not firing or a case that does not exist, 400 for a bad body; an accepted ack (202) shows in
 * the case view's {@code acknowledgements}, leaves the firing alert (the breach record) as it is, and a second ack by
 * the same person is answered 200 with the first one.
 */
@Tag("integration")
class AlertAckApiIT {
    /** Tokens as {@code caseflow token new} makes them; the configuration holds only their hashes (issue 12). */
    private static final String ALL = TokenHash.newToken();
    private static final String OTHER_COURT = TokenHash.newToken();
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void shouldRecordAnAckOnceAndShowItInTheCaseViewWithTokenScopedAccess() throws Exception {
        // Tokens given when the config is made: OverdueInstance turns authentication off only without them.
        CaseflowConfig config = OverdueInstance.config("ack", dir.resolve("state"),
                Map.of("caseflow.api.tokens", hashed(ALL) + ":*;" + hashed(OTHER_COURT) + ":湘0202"));
        String caseId = "(2024)湘0211民初5号";
        try (CaseflowRuntime runtime = CaseflowRuntime.start(config)) {
            assertThat(runtime.app().awaitRunning(Duration.ofSeconds(60))).isTrue();
            OverdueInstance.fileOverdueCase(config, caseId);
            String base = "http://127.0.0.1:" + config.http().port();
            String caseUrl = base + "/api/v1/cases/" + segment(caseId);
            JsonNode view = awaitCase(caseUrl, v -> v.path("firingAlerts").size() > 0);
            assertThat(view.path("acknowledgements").isArray()).isTrue();
            assertThat(view.path("acknowledgements")).isEmpty();
            String alertId = view.path("firingAlerts").get(view.path("firingAlerts").size() - 1).path("alertId").asText();
            String ackUrl = base + "/api/v1/alerts/" + path(alertId) + "/ack";
            String body = "{\"by\":\"judge:J-1\",\"note\":\"hearing set for Monday\"}";

            assertThat(post(ackUrl, null, body).statusCode()).isEqualTo(401);
            assertThat(post(ackUrl, OTHER_COURT, body).statusCode()).isEqualTo(403);
            assertThat(post(base + "/api/v1/alerts/" + path(caseId + "/v9/WARNING") + "/ack", ALL, body).statusCode())
                    .isEqualTo(404);
            assertThat(post(base + "/api/v1/alerts/" + path("(2024)湘0211民初999号/v1/NOTICE") + "/ack", ALL, body)
                    .statusCode()).isEqualTo(404);
            assertThat(post(base + "/api/v1/alerts/not-an-alert/ack", ALL, body).statusCode()).isEqualTo(404);
            assertThat(post(ackUrl, ALL, "{\"note\":\"who?\"}").statusCode()).isEqualTo(400);
            assertThat(post(ackUrl, ALL, "not json").statusCode()).isEqualTo(400);

            HttpResponse<String> accepted = post(ackUrl, ALL, body);
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            String ackedAt = JSON.readTree(accepted.body()).path("ackedAt").asText();
            JsonNode acked = awaitCase(caseUrl, v -> v.path("acknowledgements").size() == 1);
            JsonNode ack = acked.path("acknowledgements").get(0);
            assertThat(ack.path("alertId").asText()).isEqualTo(alertId);
            assertThat(ack.path("by").asText()).isEqualTo("judge:J-1");
            assertThat(ack.path("note").asText()).isEqualTo("hearing set for Monday");
            assertThat(ack.path("ackedAt").asText()).isEqualTo(ackedAt);
            // The ack never suppresses the breach record: the alert still fires.
            assertThat(acked.path("firingAlerts").toString()).contains(alertId);

            HttpResponse<String> again = post(ackUrl, ALL, "{\"by\":\"judge:J-1\",\"note\":\"again\"}");
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(again.body()).path("ackedAt").asText()).isEqualTo(ackedAt);
            assertThat(awaitCase(caseUrl, v -> true).path("acknowledgements")).hasSize(1);
        }
    }

    /** The case view once it answers 200 and satisfies {@code done}; the failure shows the last answer. */
    private JsonNode awaitCase(String url, java.util.function.Predicate<JsonNode> done) {
        HttpResponse<String> answer = Waits.await("the case view at " + url + " as expected").until(() -> client.send(
                HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + ALL).build(),
                HttpResponse.BodyHandlers.ofString()), r -> r.statusCode() == 200 && done.test(ApiCalls.json(r.body())));
        return ApiCalls.json(answer.body());
    }

    private HttpResponse<String> post(String url, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Each '/'-separated part encoded, the slashes kept: {@code /api/v1/alerts/<alertId>/ack} takes them. */
    private static String path(String alertId) {
        return Arrays.stream(alertId.split("/", -1)).map(AlertAckApiIT::segment).collect(Collectors.joining("/"));
    }

    private static String hashed(String token) {
        return TokenHash.of(token, 1_000).written();
    }
}
