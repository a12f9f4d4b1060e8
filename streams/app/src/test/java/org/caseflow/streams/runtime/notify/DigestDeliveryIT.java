package org.caseflow.streams.runtime.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseflow.streams.runtime.notify.NotifyFixture.digest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.caseflow.events.Digest;
import org.caseflow.streams.domain.digest.DigestKind;
import org.caseflow.streams.runtime.Waits;
import org.caseflow.streams.runtime.kafka.TopicDump;
import org.caseflow.streams.runtime.notify.FlakyEndpoint.Answer;
import org.caseflow.streams.topology.DeadLetterHeaders;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code caseflow notify} delivering {@code caseflow.digests} to a local HTTP receiver: each digest's role reference is
 * resolved through the recipients file like an alert's, one message per (digest, recipient) with the key
 * {@code digest/{recipient}/{role|kind|period}}, retried on a 500, a 400 dead-lettered, and no digest to Alertmanager.
 */
@Tag("integration")
class DigestDeliveryIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void shouldDeliverOneMessagePerDigestAndRecipientThroughTheAlertMachinery() throws Exception {
        NotifyFixture fx = new NotifyFixture();
        Path recipients = dir.resolve("recipients.yaml");
        Files.writeString(recipients, """
                recipients:
                  - id: tianyuan-judges
                    roles: ["judge:J-湘0211-*"]
                    channel: webhook
                  - id: court-office
                    roles: ["court:湘0211"]
                    channel: webhook
                  - id: president-am
                    roles: ["president:湘0211"]
                    channel: alertmanager
                """);
        List<Digest> digests = List.of(
                digest("judge:J-湘0211-07", DigestKind.DAY, LocalDate.of(2025, 6, 4)),
                digest("judge:J-湘0211-08", DigestKind.DAY, LocalDate.of(2025, 6, 4)),
                digest("court:湘0211", DigestKind.WEEK, LocalDate.of(2025, 6, 8)),
                digest("president:湘0211", DigestKind.DAY, LocalDate.of(2025, 6, 4)),
                digest("judge:J-湘0211-09", DigestKind.DAY, LocalDate.of(2025, 6, 4)),
                digest("judge:J-湘0202-01", DigestKind.DAY, LocalDate.of(2025, 6, 4)));
        try (FlakyEndpoint endpoint = FlakyEndpoint.start(0, (key, attempt) -> {
            String k = URLDecoder.decode(key, StandardCharsets.UTF_8);
            if (k.contains("court:湘0211|week")) {
                return attempt <= 2 ? Answer.status(500) : Answer.ok();
            }
            return k.contains("judge:J-湘0211-09|") ? Answer.status(400) : Answer.ok();
        });
             NotifyService service = NotifyService.create(fx.config(Map.of("caseflow.notify.webhook.url", endpoint.url(),
                     "caseflow.notify.alertmanager.url", endpoint.url(), "caseflow.notify.recipients", recipients.toString(),
                     "caseflow.notify.breaker.failures", "10000")))) {
            Thread loop = new Thread(service::run, "notify-under-test");
            loop.start();
            fx.publishDigests(digests);
            Set<String> expected = new TreeSet<>(List.of(
                    "digest/tianyuan-judges/judge:J-湘0211-07|day|2025-06-04",
                    "digest/tianyuan-judges/judge:J-湘0211-08|day|2025-06-04",
                    "digest/court-office/court:湘0211|week|2025-W23"));
            Waits.await("the three webhook digests delivered").until(() -> decoded(endpoint.deliveredKeys())
                    .containsAll(expected));
            String rejected = "digest/tianyuan-judges/judge:J-湘0211-09|day|2025-06-04";
            Waits.await("the rejected digest dead-lettered").until(() -> !TopicDump.readAll(fx.bootstrap,
                    List.of(fx.topics.notifyDeadLetters()), new ByteArrayDeserializer()).isEmpty());

            // Only webhook routes: the president's Alertmanager route gets no digest; 湘0202's judge is nobody's.
            Set<String> asked = new TreeSet<>(expected);
            asked.add(rejected);
            Set<String> keys = new TreeSet<>();
            endpoint.requests().forEach(r -> keys.add(r.key()));
            assertThat(decoded(keys)).isEqualTo(asked);
            assertThat(endpoint.requests(encoded("digest/court-office/court:湘0211|week|2025-W23"))).hasSize(3);
            assertThat(endpoint.requests(encoded(rejected))).hasSize(1);

            JsonNode body = JSON.readTree(endpoint.requests(encoded("digest/tianyuan-judges/judge:J-湘0211-07|day|2025-06-04"))
                    .get(0).body());
            assertThat(body.path("kind").asText()).isEqualTo("digest");
            assertThat(body.path("recipient").asText()).isEqualTo("tianyuan-judges");
            assertThat(body.path("role").asText()).isEqualTo("judge:J-湘0211-07");
            assertThat(body.path("period").asText()).isEqualTo("2025-06-04");
            assertThat(body.path("periodKind").asText()).isEqualTo("day");
            assertThat(body.path("counts").path("BREACHED").asInt()).isEqualTo(1);
            assertThat(body.path("counts").path("newlyBreached").asInt()).isEqualTo(1);
            assertThat(body.path("cases").get(0).path("caseId").asText()).isEqualTo("(2025)湘0211民初1号");
            assertThat(body.path("cases").get(0).path("deadline").asText()).isEqualTo("2025-06-03");

            List<ConsumerRecord<String, byte[]>> dead = TopicDump.readAll(fx.bootstrap,
                    List.of(fx.topics.notifyDeadLetters()), new ByteArrayDeserializer());
            assertThat(dead).hasSize(1);
            assertThat(dead.get(0).key()).isEqualTo("judge:J-湘0211-09|day|2025-06-04");
            assertThat(DeadLetterHeaders.read(dead.get(0).headers()).reason()).isEqualTo("rejected");
            Waits.await("digest counters").until(() -> count(service, "delivered") == 3.0
                    && count(service, "no-webhook") == 1.0 && count(service, "rejected") == 1.0);
            assertThat(service.registry().find(NotifyMetrics.UNROUTED).tag("kind", "judge").counter().count())
                    .isEqualTo(1.0);
            service.close();
            loop.join(10_000);
        }
    }

    private static double count(NotifyService service, String outcome) {
        var c = service.registry().find(NotifyMetrics.DIGESTS).tag("outcome", outcome).counter();
        return c == null ? 0 : c.count();
    }

    private static Set<String> decoded(java.util.Collection<String> keys) {
        Set<String> out = new TreeSet<>();
        keys.forEach(k -> out.add(URLDecoder.decode(k, StandardCharsets.UTF_8)));
        return out;
    }

    private static String encoded(String key) {
        return HttpDelivery.ascii(key);
    }
}
