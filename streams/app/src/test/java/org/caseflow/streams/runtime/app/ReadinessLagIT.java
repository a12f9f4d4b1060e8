package org.caseflow.streams.runtime.app;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.CaseFiled;
import org.caseflow.events.Procedure;
import org.caseflow.schemas.CaseflowSerdes;
import org.caseflow.streams.runtime.Waits;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.kafka.OverdueInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /health/ready} on a real broker: an instance behind its inputs by more than caseflow.readiness.max.lag is
 * not ready and says how far behind; once it has caught up it is. Processing is paused while the records arrive, so
 * the instance is behind for as long as the test looks, however fast the machine.
 */
@Tag("integration")
class ReadinessLagIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void shouldNotBeReadyWhileBehindTheInputsAndSayHowFar() throws Exception {
        CaseflowConfig config = OverdueInstance.config("lag", dir.resolve("state")).with(Map.of(
                "caseflow.readiness.max.lag", "5", "caseflow.readiness.check.interval.ms", "200",
                "caseflow.shutdown.timeout.ms", "10000"));
        try (CaseflowRuntime runtime = CaseflowRuntime.start(config)) {
            assertThat(runtime.app().awaitRunning(Duration.ofSeconds(60))).isTrue();
            JsonNode caughtUp = awaitReadiness(config, body -> body.path("status").asText().equals("UP"));
            assertThat(caughtUp.path("lag").asLong()).isLessThanOrEqualTo(5);

            runtime.app().kafkaStreams().pause();
            fileCases(config, 20);
            JsonNode behind = awaitReadiness(config, body -> body.path("lag").asLong() >= 20);
            assertThat(behind.path("status").asText()).isEqualTo("DOWN");
            assertThat(behind.path("state").asText()).isEqualTo("RUNNING");
            assertThat(behind.path("maxLag").asLong()).isEqualTo(5);
            assertThat(behind.path("reason").asText()).startsWith("catching up: ")
                    .contains(" records behind the input end offsets (ready at 5 or fewer)");

            runtime.app().kafkaStreams().resume();
            JsonNode again = awaitReadiness(config, body -> body.path("status").asText().equals("UP"));
            assertThat(again.path("reason").asText()).startsWith("caught up: ");
        }
    }

    /** Polls /health/ready until the body matches; every answer must be 200 exactly when UP. */
    private static JsonNode awaitReadiness(CaseflowConfig config, Predicate<JsonNode> wanted) {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + config.http().port()
                + "/health/ready")).build();
        return Waits.await("/health/ready as expected").until(() -> {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(response.body());
            assertThat(response.statusCode()).isEqualTo(body.path("status").asText().equals("UP") ? 200 : 503);
            return body;
        }, wanted);
    }

    private static void fileCases(CaseflowConfig config, int count) {
        try (KafkaProducer<String, CaseEvent> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", config.bootstrapServers()), new StringSerializer(),
                CaseflowSerdes.caseEvent().serializer())) {
            for (int i = 0; i < count; i++) {
                String caseId = "(2026)湘0211民初" + (500 + i) + "号";
                producer.send(new ProducerRecord<>(config.topics().names().caseFilings(), caseId, CaseEvent.newBuilder()
                        .setEventId(caseId + "#1").setCaseId(caseId).setCourt("湘0211")
                        .setOccurredAt(Instant.parse("2026-01-05T02:00:00Z"))
                        .setPayload(CaseFiled.newBuilder().setProcedure(Procedure.CIVIL_FIRST_SUMMARY)
                                .setFiledOn(LocalDate.of(2026, 1, 5)).build()).build()));
            }
        }
    }
}
