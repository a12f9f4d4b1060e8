package org.caseflow.streams.runtime.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseflow.events.AlertLevel.BREACHED;
import static org.caseflow.events.AlertLevel.CRITICAL;
import static org.caseflow.events.AlertLevel.NOTICE;
import static org.caseflow.events.AlertLevel.WARNING;
import static org.caseflow.events.AlertStatus.FIRING;
import static org.caseflow.events.AlertStatus.RESOLVED;
import static org.caseflow.streams.runtime.notify.NotifyFixture.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.caseflow.events.DeadlineAlert;
import org.caseflow.streams.runtime.Ports;
import org.caseflow.streams.runtime.Waits;
import org.caseflow.streams.runtime.kafka.TopicDump;
import org.caseflow.streams.runtime.notify.FlakyEndpoint.Answer;
import org.caseflow.streams.topology.DeadLetterHeaders;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code caseflow notify} against the embedded broker and a local HTTP server that fails on purpose: 500s, time-outs,
 * 429 with Retry-After, slow answers, a 400, refused connections and a breaker that opens and closes again. Every
 * (alert, recipient) is delivered at least once with one stable key, signed; the 400 goes to the notify dead letters;
 * the offsets are committed once everything has ended.
 */
@Tag("integration")
class WebhookDeliveryIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "s3cret-for-tests";

    @Test
    void shouldDeliverEveryAlertThroughFailuresWithStableSignedKeysAndDeadLetterTheRejected() throws Exception {
        NotifyFixture fx = new NotifyFixture();
        List<DeadlineAlert> alerts = List.of(
                alert("C-500", NOTICE, FIRING, List.of("judge:J-1")),
                alert("C-429", WARNING, FIRING, List.of("judge:J-2")),
                alert("C-timeout", NOTICE, FIRING, List.of("judge:J-3")),
                alert("C-400", CRITICAL, FIRING, List.of("judge:J-4", "division-chief:湘0211/民一庭")),
                alert("C-slow", NOTICE, FIRING, List.of("judge:J-5")),
                // Per-case order: WARNING is not tried before NOTICE of the same case has been delivered.
                alert("(2025)湘0211民初7号", NOTICE, FIRING, List.of("judge:J-6")),
                alert("(2025)湘0211民初7号", WARNING, FIRING, List.of("judge:J-6")),
                alert("(2025)湘0211民初7号", NOTICE, RESOLVED, List.of("judge:J-6")));
        try (FlakyEndpoint endpoint = FlakyEndpoint.start(0, (key, attempt) -> {
            String k = URLDecoder.decode(key, StandardCharsets.UTF_8);
            if (k.startsWith("C-500/")) {
                return attempt <= 2 ? Answer.status(500) : Answer.ok();
            } else if (k.startsWith("C-429/")) {
                return attempt == 1 ? Answer.retryAfter(429, "1") : Answer.ok();
            } else if (k.startsWith("C-timeout/")) {
                return attempt == 1 ? Answer.slow(2_500) : Answer.ok(); // the client gives up after 1 s
            } else if (k.startsWith("C-400/") && k.endsWith("/judge:J-4")) {
                return Answer.status(400);
            } else if (k.startsWith("C-slow/")) {
                return Answer.slow(300);
            } else if (k.equals("(2025)湘0211民初7号/v1/NOTICE/FIRING/judge:J-6")) {
                return attempt <= 2 ? Answer.status(503) : Answer.ok();
            }
            return Answer.ok();
        });
             // Breaker out of the way here (its own test is below): these few failures must not hold the others back.
             NotifyService service = NotifyService.create(fx.config(Map.of("caseflow.notify.webhook.url", endpoint.url(),
                     "caseflow.notify.webhook.secret", SECRET, "caseflow.notify.breaker.failures", "10000")))) {
            Thread loop = new Thread(service::run, "notify-under-test");
            loop.start();
            fx.publish(alerts);
            Set<String> expected = new TreeSet<>();
            for (DeadlineAlert a : alerts) {
                a.getEscalateTo().forEach(role -> expected.add(a.getAlertId() + "/" + a.getStatus() + "/" + role));
            }
            String rejected = "C-400/v1/CRITICAL/FIRING/judge:J-4";
            expected.remove(rejected);
            Waits.await("every delivery but the rejected one answered 2xx").until(
                    () -> decoded(endpoint.deliveredKeys()).containsAll(expected));
            Waits.await("offsets committed up to the end").until(() -> committedToEnd(fx));

            // Keys: exactly the (alert, status, recipient) ones; every attempt of one key carries the same body.
            assertThat(decoded(keys(endpoint.requests()))).containsAll(expected).contains(rejected);
            for (String key : keys(endpoint.requests())) {
                assertThat(endpoint.requests(key).stream().map(r -> new String(r.body(), StandardCharsets.UTF_8))
                        .distinct()).as(key).hasSize(1);
            }
            // Retried on 500 (twice), 503, time-out; Retry-After: 1 s waited before the second attempt.
            assertThat(endpoint.requests(encodedKey("C-500/v1/NOTICE/FIRING/judge:J-1"))).hasSize(3);
            List<FlakyEndpoint.Request> throttled = endpoint.requests(encodedKey("C-429/v1/WARNING/FIRING/judge:J-2"));
            assertThat(throttled).hasSize(2);
            assertThat(throttled.get(1).nanos() - throttled.get(0).nanos()).isGreaterThanOrEqualTo(1_000_000_000L);
            assertThat(endpoint.requests(encodedKey("C-timeout/v1/NOTICE/FIRING/judge:J-3")).size()).isGreaterThanOrEqualTo(2);
            // A 400 is not retried.
            assertThat(endpoint.requests(encodedKey(rejected))).hasSize(1);
            // Per-case order: the WARNING of the case came after its NOTICE was delivered (third attempt).
            String notice = encodedKey("(2025)湘0211民初7号/v1/NOTICE/FIRING/judge:J-6");
            String warning = encodedKey("(2025)湘0211民初7号/v1/WARNING/FIRING/judge:J-6");
            long noticeDelivered = endpoint.requests(notice).get(2).nanos();
            assertThat(endpoint.requests(warning)).allSatisfy(r -> assertThat(r.nanos()).isGreaterThan(noticeDelivered));

            // Signed: HMAC-SHA256 of the exact body, computed here independently.
            for (FlakyEndpoint.Request r : endpoint.requests()) {
                assertThat(r.signature()).isEqualTo("sha256=" + hmac(r.body()));
            }
            JsonNode body = JSON.readTree(endpoint.requests(encodedKey("C-500/v1/NOTICE/FIRING/judge:J-1")).get(0).body());
            assertThat(body.path("kind").asText()).isEqualTo("alert");
            assertThat(body.path("alertId").asText()).isEqualTo("C-500/v1/NOTICE");
            assertThat(body.path("recipient").asText()).isEqualTo("judge:J-1");
            assertThat(body.path("role").asText()).isEqualTo("judge:J-1");
            assertThat(body.path("deadline").asText()).isEqualTo("2026-03-02");
            assertThat(body.path("daysRemaining").asInt()).isEqualTo(15);
            assertThat(body.path("explanation").toString()).contains("CIVIL_FIRST_ORDINARY");

            // The rejected delivery is in the notify dead letters, keyed by alertId, with its reason.
            List<ConsumerRecord<String, byte[]>> dead = TopicDump.readAll(fx.bootstrap,
                    List.of(fx.topics.notifyDeadLetters()), new ByteArrayDeserializer());
            assertThat(dead).hasSize(1);
            assertThat(dead.get(0).key()).isEqualTo("C-400/v1/CRITICAL");
            assertThat(DeadLetterHeaders.read(dead.get(0).headers()).reason()).isEqualTo("rejected");
            assertThat(header(dead.get(0), "caseflow.notify.recipient")).isEqualTo("judge:J-4");
            assertThat(header(dead.get(0), "caseflow.notify.status")).isEqualTo("400");
            assertThat(service.registry().find(NotifyMetrics.DELIVERIES).tag("outcome", "rejected").counter().count())
                    .isEqualTo(1.0);
            assertThat(service.registry().find(NotifyMetrics.RETRIES).counter().count()).isGreaterThanOrEqualTo(5.0);
            service.close();
            loop.join(15_000);
        }
    }

    @Test
    void shouldRetryRefusedConnectionsAndOpenThenCloseTheBreaker() throws Exception {
        NotifyFixture fx = new NotifyFixture();
        int port = Ports.freePort();
        List<DeadlineAlert> alerts = List.of(alert("R-1", NOTICE, FIRING, List.of("judge:J-1")),
                alert("R-2", BREACHED, FIRING, List.of("judge:J-2", "president:湘0211")),
                alert("R-3", WARNING, FIRING, List.of("judge:J-3")));
        try (NotifyService service = NotifyService.create(fx.config(Map.of(
                "caseflow.notify.webhook.url", "http://127.0.0.1:" + port + "/hook",
                "caseflow.notify.breaker.failures", "3", "caseflow.notify.breaker.open.ms", "500")))) {
            Thread loop = new Thread(service::run, "notify-under-test");
            loop.start();
            fx.publish(alerts);
            // Nothing listens: connections are refused, retried, and the breaker opens.
            Waits.await("breaker open").until(() -> breaker(service) == 2.0);
            try (FlakyEndpoint endpoint = FlakyEndpoint.start(port, (key, attempt) -> Answer.ok())) {
                Waits.await("all four delivered once the endpoint is up").until(
                        () -> endpoint.deliveredKeys().size() == 4);
                Waits.await("breaker closed again").until(() -> breaker(service) == 0.0);
                Waits.await("offsets committed").until(() -> committedToEnd(fx));
                assertThat(TopicDump.readAll(fx.bootstrap, List.of(fx.topics.notifyDeadLetters()),
                        new ByteArrayDeserializer())).isEmpty();
                service.close();
                loop.join(15_000);
            }
        }
    }

    @Test
    void shouldSuppressOnlyTheAcknowledgingRecipientsLaterOverdueReminders() throws Exception {
        NotifyFixture fx = new NotifyFixture();
        try (FlakyEndpoint endpoint = FlakyEndpoint.start(0, (key, attempt) -> Answer.ok());
             NotifyService service = NotifyService.create(fx.config(Map.of("caseflow.notify.webhook.url", endpoint.url())))) {
            Thread loop = new Thread(service::run, "notify-under-test");
            loop.start();
            try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, byte[]>(
                    Map.<String, Object>of("bootstrap.servers", fx.bootstrap), new org.apache.kafka.common.serialization.StringSerializer(),
                    new org.apache.kafka.common.serialization.ByteArraySerializer())) {
                var ack = new org.caseflow.streams.domain.notify.AlertAck("S-1/v1/BREACHED", "S-1", "湘0211", "judge:J-1",
                        "on it", java.time.Instant.now());
                producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(fx.topics.alertAcks(), "S-1",
                        new org.caseflow.streams.topology.JsonSerde<>(org.caseflow.streams.domain.notify.AlertAck.class)
                                .serializer().serialize(fx.topics.alertAcks(), ack))).get();
            }
            Waits.await("the ack read by notify").until(
                    () -> service.registry().find(NotifyMetrics.ACKS).gauge().value() >= 1);
            fx.publish(List.of(alert("S-1", org.caseflow.events.AlertLevel.OVERDUE, FIRING, List.of("judge:J-1", "president:湘0211")),
                    alert("S-1", BREACHED, RESOLVED, List.of("judge:J-1")),
                    alert("S-2", org.caseflow.events.AlertLevel.OVERDUE, FIRING, List.of("judge:J-1"))));
            Waits.await("offsets committed").until(() -> committedToEnd(fx));
            // The president still hears of S-1, the judge of the RESOLVED record and of the other case; only the
            // judge's OVERDUE reminder of the acknowledged case is not sent.
            assertThat(decoded(endpoint.deliveredKeys())).containsExactlyInAnyOrder(
                    "S-1/v1/OVERDUE/FIRING/president:湘0211", "S-1/v1/BREACHED/RESOLVED/judge:J-1",
                    "S-2/v1/OVERDUE/FIRING/judge:J-1");
            assertThat(service.registry().find(NotifyMetrics.SUPPRESSED).counter().count()).isEqualTo(1.0);
            service.close();
            loop.join(15_000);
        }
    }

    /**
     * The case's own explanation travels with its alert (DeadlineAlert v2): a summary civil case whose limit the
     * president extended (CPL 164; CPL Interp. 258) and whose deadline fell on National Day, rolled forward (CPL 85).
     * The alert is the one the real case engine raises; the webhook body shows both lines, not only the rule's limit.
     */
    @Test
    void shouldSendTheCasesOwnExplanationWithExtensionAndRollForward() throws Exception {
        NotifyFixture fx = new NotifyFixture();
        DeadlineAlert alert = NotifyFixture.extendedAndRolledForward("(2025)湘0211民初9号");
        try (FlakyEndpoint endpoint = FlakyEndpoint.start(0, (key, attempt) -> Answer.ok());
             NotifyService service = NotifyService.create(fx.config(Map.of("caseflow.notify.webhook.url", endpoint.url())))) {
            Thread loop = new Thread(service::run, "notify-under-test");
            loop.start();
            fx.publish(List.of(alert));
            Waits.await("the alert delivered").until(() -> endpoint.deliveredKeys().size() == 1);

            JsonNode body = JSON.readTree(endpoint.requests().get(0).body());
            assertThat(body.path("deadline").asText()).isEqualTo("2025-10-09");
            List<String> lines = new java.util.ArrayList<>();
            body.path("explanation").forEach(l -> lines.add(l.asText()));
            assertThat(lines.get(0)).startsWith("NOTICE (2025)湘0211民初9号 at 湘0211: deadline 2025-10-09");
            assertThat(lines).contains("extended 1 month by PRESIDENT on 2025-08-20 (CPL 164; CPL Interp. 258)",
                    "2025-10-04 is a rest day (National Day); rolled forward to 2025-10-09 (CPL 85)");
            assertThat(lines).noneMatch(l -> l.contains("see the case view")); // not the v1 fallback
            service.close();
            loop.join(15_000);
        }
    }

    /**
     * Delivery is a pipeline: an alert whose endpoint keeps answering 503 holds back neither the other cases behind it
     * on its partition nor the committed offsets of other partitions, but its own partition's offset stays below it
     * until it is delivered (a crash meanwhile re-delivers it and what follows, never skips it).
     */
    @Test
    void shouldDeliverLaterCasesWhileOneRetriesAndCommitOnlyBelowIt() throws Exception {
        NotifyFixture fx = new NotifyFixture();
        java.util.concurrent.atomic.AtomicBoolean release = new java.util.concurrent.atomic.AtomicBoolean();
        try (FlakyEndpoint endpoint = FlakyEndpoint.start(0, (key, attempt) ->
                key.startsWith("H-hold/") && !release.get() ? Answer.status(503) : Answer.ok());
             NotifyService service = NotifyService.create(fx.config(Map.of("caseflow.notify.webhook.url", endpoint.url(),
                     "caseflow.notify.breaker.failures", "10000")))) {
            Thread loop = new Thread(service::run, "notify-under-test");
            loop.start();
            List<DeadlineAlert> behind = new java.util.ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                behind.add(alert("H-" + i, NOTICE, FIRING, List.of("judge:J-" + i)));
            }
            List<DeadlineAlert> onZero = new java.util.ArrayList<>(List.of(alert("H-hold", NOTICE, FIRING, List.of("judge:J-9"))));
            onZero.addAll(behind);
            publishTo(fx, 0, onZero);
            publishTo(fx, 1, List.of(alert("H-other", NOTICE, FIRING, List.of("judge:J-8"))));

            Waits.await("the cases behind the held one delivered").until(() -> decoded(endpoint.deliveredKeys())
                    .containsAll(behind.stream().map(a -> a.getAlertId() + "/FIRING/" + a.getEscalateTo().get(0)).toList()));
            Waits.await("partition 1 committed to its end").until(() -> committed(fx, 1) == 1);
            assertThat(endpoint.requests(encodedKey("H-hold/v1/NOTICE/FIRING/judge:J-9"))).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.answered()).isEqualTo(503));
            assertThat(committed(fx, 0)).as("partition 0 committed below the held alert (offset 0)").isLessThanOrEqualTo(0);

            release.set(true);
            Waits.await("everything committed once the held alert is delivered").until(() -> committedToEnd(fx));
            assertThat(decoded(endpoint.deliveredKeys())).contains("H-hold/v1/NOTICE/FIRING/judge:J-9");
            service.close();
            loop.join(15_000);
        }
    }

    private static void publishTo(NotifyFixture fx, int partition, List<DeadlineAlert> alerts) throws Exception {
        var serializer = org.caseflow.schemas.CaseflowSerdes.deadlineAlert().serializer();
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, byte[]>(Map.<String, Object>of(
                "bootstrap.servers", fx.bootstrap, "acks", "all"), new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            for (DeadlineAlert a : alerts) {
                producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(fx.topics.deadlineAlerts(), partition,
                        a.getCaseId(), serializer.serialize(fx.topics.deadlineAlerts(), a))).get();
            }
        }
    }

    /** The group's committed offset of a partition of the alerts topic, -1 when none. */
    private static long committed(NotifyFixture fx, int partition) {
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", fx.bootstrap))) {
            OffsetAndMetadata o = admin.listConsumerGroupOffsets(fx.prefix + "notify").partitionsToOffsetAndMetadata().get()
                    .get(new TopicPartition(fx.topics.deadlineAlerts(), partition));
            return o == null ? -1 : o.offset();
        } catch (Exception e) {
            return -2;
        }
    }

    private static double breaker(NotifyService service) {
        var gauge = service.registry().find(NotifyMetrics.BREAKER).gauge();
        return gauge == null ? -1 : gauge.value();
    }

    static boolean committedToEnd(NotifyFixture fx) {
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", fx.bootstrap))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(fx.prefix + "notify")
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            for (int p = 0; p < 3; p++) {
                latest.put(new TopicPartition(fx.topics.deadlineAlerts(), p), OffsetSpec.latest());
            }
            var ends = admin.listOffsets(latest).all().get();
            return ends.entrySet().stream().allMatch(e -> e.getValue().offset() == 0
                    || (committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue().offset()));
        } catch (Exception e) {
            return false;
        }
    }

    private static Set<String> keys(List<FlakyEndpoint.Request> requests) {
        Set<String> keys = new TreeSet<>();
        requests.forEach(r -> keys.add(r.key()));
        return keys;
    }

    static Set<String> decoded(Set<String> keys) {
        Set<String> out = new TreeSet<>();
        keys.forEach(k -> out.add(URLDecoder.decode(k, StandardCharsets.UTF_8)));
        return out;
    }

    private static String encodedKey(String key) {
        return HttpDelivery.ascii(key);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static String hmac(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
