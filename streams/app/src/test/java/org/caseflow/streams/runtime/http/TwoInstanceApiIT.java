package org.caseflow.streams.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseflow.streams.runtime.http.ApiCalls.enc;
import static org.caseflow.streams.runtime.Ports.freePort;
import static org.caseflow.streams.runtime.http.ApiCalls.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.CaseFiled;
import org.caseflow.events.Procedure;
import org.caseflow.schemas.CaseflowSerdes;
import org.caseflow.streams.runtime.Waits;
import org.caseflow.streams.runtime.app.CaseflowApp;
import org.caseflow.streams.runtime.app.StoreQueries;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.config.TokenHash;
import org.caseflow.streams.runtime.kafka.EmbeddedKafka;
import org.caseflow.streams.runtime.kafka.SharedKafka;
import org.caseflow.streams.runtime.kafka.TopicAdmin;
import org.caseflow.streams.runtime.kafka.TopicSpec;
import org.caseflow.streams.runtime.metrics.Metrics;
import org.caseflow.streams.topology.StoreNames;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two app instances (same application id, own state dirs and ports) on one embedded broker, over the
 * stub topology's case store: each answers for keys the other owns, lists merge, errors are JSON.
 */
@Tag("integration")
class TwoInstanceApiIT {
    /** Tokens as {@code caseflow token new} makes them; the configuration holds only their hashes. */
    static final String ALL = TokenHash.newToken();
    /** 湘02 with its subordinate courts (湘0211 among them). */
    static final String XIANG02 = TokenHash.newToken();
    /** 湘0211 alone: a leaf of the court tree. */
    static final String XIANG0211 = TokenHash.newToken();
    /** Only /metrics. */
    static final String METRICS = TokenHash.newToken();
    /** Once valid, expired since 2020. */
    static final String EXPIRED = TokenHash.newToken();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> CASES = new ArrayList<>();

    private static Instance a;
    private static Instance b;
    private static int readyBeforeStart;

    private record Instance(CaseflowApp app, HttpApi http, PrometheusMeterRegistry registry, LocalQueries local) {
        String url(String path) {
            return "http://localhost:" + http.port() + path;
        }

        void close() {
            app.close();
            http.close();
        }
    }

    @BeforeAll
    static void startTwoInstances() throws Exception {
        EmbeddedKafka kafka = SharedKafka.get();
        CaseflowConfig base = CaseflowConfig.of(Map.of(
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "caseflow.application.id", "two-instance-it",
                "caseflow.topic.prefix", "two.",
                "caseflow.api.tokens", String.join(";", hashed(ALL) + ":*", hashed(XIANG02) + ":湘02",
                        hashed(XIANG0211) + ":湘0211", hashed(METRICS) + ":metrics", hashed(EXPIRED) + ":*:2020-01-01"),
                "caseflow.shutdown.timeout.ms", "10000"));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            assertThat(new TopicAdmin(admin).ensure(TopicSpec.all(base)).ok()).isTrue();
        }
        produceCases(kafka, base.topics().names().caseFilings());

        a = instance(base, "A");
        readyBeforeStart = get(a.url("/health/ready"), null).statusCode();
        b = instance(base, "B");
        a.app().start();
        b.app().start();
        awaitBothRunningWithTwoHosts();
    }

    @AfterAll
    static void stop() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    /** Few iterations: the hashing cost is not what these tests are about. */
    private static String hashed(String token) {
        return TokenHash.of(token, 1_000).written();
    }

    /** Queries answer as of this instant: 13 days before the cases' deadline. */
    private static final Instant QUERY_TIME = Instant.parse("2026-03-25T02:00:00Z");

    private static Instance instance(CaseflowConfig base, String name) throws IOException {
        CaseflowConfig config = base.with(Map.of(
                "caseflow.http.port", String.valueOf(freePort()),
                "caseflow.state.dir", Files.createTempDirectory("caseflow-state-" + name).toString()));
        PrometheusMeterRegistry registry = Metrics.newRegistry();
        CaseflowApp app = CaseflowApp.create(config, registry);
        LocalQueries queries = new StoreQueries(app.kafkaStreams(), app.reference(), () -> QUERY_TIME);
        HttpApi http = new HttpApi(config, app.reference().base().seeds().courts(), registry, app, queries,
                new AlertBroadcaster()).start();
        return new Instance(app, http, registry, queries);
    }

    private static void produceCases(EmbeddedKafka kafka, String topic) {
        try (KafkaProducer<String, CaseEvent> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", kafka.bootstrapServers()), new StringSerializer(),
                CaseflowSerdes.caseEvent().serializer())) {
            for (int i = 0; i < 24; i++) {
                String court = i % 2 == 0 ? "湘02" : "湘0211";
                String caseId = "(2026)" + court + "民初" + (1000 + i) + "号";
                CASES.add(caseId);
                CaseFiled filed = CaseFiled.newBuilder().setProcedure(Procedure.CIVIL_FIRST_SUMMARY)
                        .setFiledOn(LocalDate.of(2026, 1, 5)).build();
                producer.send(new ProducerRecord<>(topic, caseId, CaseEvent.newBuilder().setEventId("e" + i)
                        .setCaseId(caseId).setCourt(court).setOccurredAt(Instant.parse("2026-01-05T01:00:00Z"))
                        .setPayload(filed).build()));
            }
        }
    }

    private static void awaitBothRunningWithTwoHosts() {
        Waits.await("both instances ready, each knowing both hosts").until(() -> a.app().ready() && b.app().ready()
                && a.app().kafkaStreams().metadataForAllStreamsClients().size() == 2
                && b.app().kafkaStreams().metadataForAllStreamsClients().size() == 2);
    }

    @Test
    void shouldReportReadyOnlyOnceRunningAndCaughtUp() throws Exception {
        assertThat(readyBeforeStart).isEqualTo(503);
        // RUNNING is not enough: ready once the first lag check finds the instance caught up.
        HttpResponse<String> ready = Waits.await("/health/ready answers 200")
                .until(() -> get(a.url("/health/ready"), null), response -> response.statusCode() == 200);
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"status\":\"UP\"", "\"state\":\"RUNNING\"", "\"reason\":\"caught up: ");
        assertThat(get(b.url("/health/live"), null).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldAnswerEveryCaseFromEitherInstanceThroughItsOwner() throws Exception {
        int remoteAnswers = 0;
        for (String caseId : CASES) {
            KeyQueryMetadata owner = a.app().kafkaStreams().queryMetadataForKey(StoreNames.CASES, caseId, Serdes.String().serializer());
            for (Instance asked : List.of(a, b)) {
                HttpResponse<String> response = awaitCase(asked, caseId);
                assertThat(response.statusCode()).as(caseId).isEqualTo(200);
                assertThat(JSON.readTree(response.body()).path("caseId").asText()).isEqualTo(caseId);
                if (!owner.activeHost().equals(asked.app().thisHost())) {
                    remoteAnswers++;
                }
            }
        }
        // Both instances own partitions, so half of the answers went through the other instance.
        assertThat(remoteAnswers).isEqualTo(CASES.size());
    }

    @Test
    void shouldMergeAtRiskListsOfAllInstancesSortedByDeadline() throws Exception {
        // CPL 164: summary procedure, 2026-01-05 + 3 months = 2026-04-05, a Sunday in the Qingming holiday
        // (04-04..04-06): rolled forward to 2026-04-07 (CPL 85). As of 2026-03-25, 13 days remain.
        List<String> expected = CASES.stream().filter(c -> c.contains("湘02民")).sorted().toList();
        Waits.await("both instances processed every filing").until(() -> a.local().atRisk("湘02", 30).size()
                + b.local().atRisk("湘02", 30).size() >= expected.size());
        List<AtRiskCase> localA = a.local().atRisk("湘02", 30);
        List<AtRiskCase> localB = b.local().atRisk("湘02", 30);
        assertThat(localA).as("each instance holds part of the court's cases").isNotEmpty().hasSizeLessThan(expected.size());
        assertThat(localA.size() + localB.size()).isEqualTo(expected.size());

        for (Instance asked : List.of(a, b)) {
            HttpResponse<String> response = get(asked.url("/api/v1/courts/" + enc("湘02") + "/at-risk?withinDays=30"), ALL);
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode rows = JSON.readTree(response.body());
            List<String> ids = new ArrayList<>();
            rows.forEach(row -> {
                ids.add(row.path("caseId").asText());
                assertThat(row.path("deadline").asText()).isEqualTo("2026-04-07");
                assertThat(row.path("daysRemaining").asInt()).isEqualTo(13);
            });
            assertThat(ids).as("the merged list is complete and ordered").isEqualTo(expected);
        }
        HttpResponse<String> none = get(a.url("/api/v1/courts/" + enc("湘02") + "/at-risk?withinDays=10"), ALL);
        assertThat(JSON.readTree(none.body())).as("due in 13 days is not within 10").isEmpty();
    }

    @Test
    void shouldAnswerEachIndicatorScopeOnceAcrossInstances() throws Exception {
        // DOMAIN §4 FILINGS, year to date 2026: 12 cases filed at 湘02 itself, 24 with 湘0211's. Facts of
        // the whole tree live in one task, so each scope appears once in the merged answer.
        List<String> expected = List.of("false=12.0", "true=24.0");
        List<String> filings = Waits.await("both filings scopes of 湘02 counted").until(() -> yearToDateFilings(b),
                counted -> counted.size() == 2 && counted.containsAll(expected));
        assertThat(filings).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(yearToDateFilings(a)).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static List<String> yearToDateFilings(Instance asked) throws Exception {
        JsonNode indicators = JSON.readTree(get(asked.url("/api/v1/courts/" + enc("湘02")
                + "/indicators?window=YEAR_TO_DATE"), ALL).body());
        List<String> filings = new ArrayList<>();
        indicators.forEach(v -> {
            if (v.path("indicator").asText().equals("FILINGS") && v.path("category").asText().equals("ALL")) {
                filings.add(v.path("includesSubordinates").asBoolean() + "=" + v.path("value").asDouble());
            }
        });
        return filings;
    }


    @Test
    void shouldAnswerErrorsAsJson() throws Exception {
        assertError(get(a.url("/api/v1/cases/" + enc("(2026)湘02民初9999号")), ALL), 404, "unknown case");
        assertError(get(a.url("/api/v1/courts/" + enc("湘02") + "/at-risk?withinDays=abc"), ALL), 400, "withinDays");
        assertError(get(a.url("/api/v1/courts/" + enc("湘02") + "/at-risk?withinDays=3651"), ALL), 400, "withinDays");
        assertError(get(a.url("/api/v1/courts/" + enc("湘02") + "/indicators?window=WEEK"), ALL), 400, "window");
        assertError(get(a.url("/api/v1/courts/" + enc("湘02") + "/at-risk"), null), 401, "a bearer token or a session is required");
        assertError(get(a.url("/api/v1/courts/" + enc("湘02") + "/at-risk"), "wrong-token-xyz"), 401, "unknown bearer token");
        assertError(get(a.url("/api/v1/courts/" + enc("湘02") + "/at-risk"), XIANG0211), 403, "湘02");
        assertError(get(a.url("/api/v1/nothing-here"), ALL), 404, "no such resource");
    }

    @Test
    void shouldHideCasesOfAnotherCourtWhetherLocalOrForwarded() throws Exception {
        String foreignCase = CASES.get(0); // at 湘02, the parent of 湘0211
        awaitCase(a, foreignCase);
        for (Instance asked : List.of(a, b)) {
            // 404 like an unknown case: a token limited to 湘0211 must not learn that the number exists.
            assertError(get(asked.url("/api/v1/cases/" + enc(foreignCase)), XIANG0211), 404, "unknown case");
            assertThat(get(asked.url("/api/v1/cases/" + enc(CASES.get(1))), XIANG0211).statusCode()).isEqualTo(200);
        }
        assertError(get(a.url("/api/v1/courts/" + enc("湘9999") + "/at-risk"), ALL), 404, "unknown court");
        assertThat(get(b.url("/api/v1/cases/" + enc(CASES.get(0))), XIANG02).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldLetAParentCourtsTokenReadItsSubordinateCourts() throws Exception {
        // Supervision runs down the tree: 湘02's token reads 湘0211's cases and lists, on either instance.
        awaitCase(a, CASES.get(1));
        for (Instance asked : List.of(a, b)) {
            assertThat(get(asked.url("/api/v1/cases/" + enc(CASES.get(1))), XIANG02).statusCode()).isEqualTo(200);
            assertThat(get(asked.url("/api/v1/courts/" + enc("湘0211") + "/at-risk?withinDays=30"), XIANG02).statusCode())
                    .isEqualTo(200);
            assertThat(get(asked.url("/api/v1/courts/" + enc("湘0211") + "/indicators"), XIANG02).statusCode()).isEqualTo(200);
        }
        JsonNode courts = JSON.readTree(get(a.url("/api/v1/courts"), XIANG02).body());
        List<String> codes = new ArrayList<>();
        courts.forEach(c -> codes.add(c.path("code").asText()));
        assertThat(codes).contains("湘02", "湘0211").doesNotContain("湘");
    }

    @Test
    void shouldDeadLetterUndecodableInputAndCountIt() throws Exception {
        EmbeddedKafka kafka = SharedKafka.get();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("two.courts.case-hearings", "garbage-key".getBytes(StandardCharsets.UTF_8),
                    new byte[] {1, 2, 3})).get();
        }
        List<ConsumerRecord<byte[], byte[]>> letters = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(),
                "isolation.level", "read_committed", "auto.offset.reset", "earliest", "group.id", "dlq-reader"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("two.caseflow.dead-letters"));
            Waits.await("the garbage record in the dead-letter topic").pollInSameThread().until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(letters::add);
                return letters.stream().anyMatch(TwoInstanceApiIT::isGarbage);
            });
        }
        ConsumerRecord<byte[], byte[]> letter = letters.stream().filter(TwoInstanceApiIT::isGarbage).findFirst().orElseThrow();
        assertThat(letter.value()).containsExactly(1, 2, 3);
        assertThat(letter.headers().lastHeader("__streams.errors.exception")).isNotNull();
        double counted = a.registry().find(Metrics.DEAD_LETTERS).tag("reason", "deserialization").counters().stream()
                .mapToDouble(c -> c.count()).sum()
                + b.registry().find(Metrics.DEAD_LETTERS).tag("reason", "deserialization").counters().stream()
                .mapToDouble(c -> c.count()).sum();
        assertThat(counted).isEqualTo(1.0);
        assertThat(get(a.url("/metrics"), METRICS).body() + get(b.url("/metrics"), METRICS).body())
                .contains("caseflow_dead_letters_total{reason=\"deserialization\"} 1.0");
    }

    private static boolean isGarbage(ConsumerRecord<byte[], byte[]> record) {
        return record.key() != null && "garbage-key".equals(new String(record.key(), StandardCharsets.UTF_8));
    }

    @Test
    void shouldExposeMetricsOnlyToATokenWithTheMetricsScope() throws Exception {
        for (String token : List.of(METRICS, ALL)) {
            HttpResponse<String> response = get(a.url("/metrics"), token);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("jvm_memory_used_bytes").contains("kafka_stream_");
        }
        assertError(get(a.url("/metrics"), null), 401, "a bearer token or a session is required");
        assertError(get(a.url("/metrics"), "cft_00000000_" + "x".repeat(43)), 401, "unknown bearer token");
        assertError(get(a.url("/metrics"), XIANG02), 403, "may not read metrics");
        assertError(get(a.url("/metrics"), EXPIRED), 401, "expired");
        // The health probes stay open: orchestrators call them without credentials.
        assertThat(get(a.url("/health/live"), null).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldAnswer401And403And404OnEveryEndpoint() throws Exception {
        String atRisk = "/api/v1/courts/" + enc("湘02") + "/at-risk";
        String indicators = "/api/v1/courts/" + enc("湘02") + "/indicators";
        String caseUrl = "/api/v1/cases/" + enc(CASES.get(0));
        // The board's and the review pack's reads (issue 10) answer like the rest.
        List<String> board = List.of("/at-risk/page", "/heatmap", "/trend", "/lineage", "/report?month=2025-04").stream()
                .map(p -> "/api/v1/courts/" + enc("湘02") + p).toList();
        String digest = "/api/v1/digests/" + enc("president:湘0211") + "?period=day";
        List<String> endpoints = new ArrayList<>(List.of(atRisk, indicators, caseUrl, digest, "/api/v1/courts",
                "/api/v1/alerts/stream", "/api/v1/session", "/metrics", "/api/v1/clock", "/api/v1/indicator-definitions"));
        endpoints.addAll(board);
        for (String path : endpoints) {
            for (Instance asked : List.of(a, b)) {
                assertError(get(asked.url(path), null), 401, "a bearer token or a session is required");
                assertError(get(asked.url(path), "not-a-token-at-all"), 401, "unknown bearer token");
                assertError(get(asked.url(path), EXPIRED), 401, "token expired at 2020-01-01T00:00:00Z");
                HttpResponse<String> basic = HTTP.send(HttpRequest.newBuilder(URI.create(asked.url(path)))
                        .header("Authorization", "Basic " + ALL).build(), HttpResponse.BodyHandlers.ofString());
                assertError(basic, 401, "must be 'Bearer TOKEN'");
                assertThat(basic.headers().firstValue("WWW-Authenticate")).contains("Bearer");
            }
        }
        // 403: a court outside the token's tree; cases outside it are 404 like unknown ones (see below).
        assertError(get(a.url(atRisk), XIANG0211), 403, "may not read court 湘02");
        assertError(get(a.url(indicators), XIANG0211), 403, "may not read court 湘02");
        assertError(get(a.url(atRisk), METRICS), 403, "may not read court 湘02");
        assertError(get(a.url("/metrics"), XIANG0211), 403, "may not read metrics");
        for (String path : board) {
            assertError(get(a.url(path), XIANG0211), 403, "may not read court 湘02");
            assertError(get(a.url(path.replace(enc("湘02"), enc("湘9999"))), ALL), 404, "unknown court");
        }
        assertError(get(a.url(caseUrl), XIANG0211), 404, "unknown case");
        // 404: unknown court, case, path.
        assertError(get(a.url("/api/v1/courts/" + enc("湘9999") + "/indicators"), ALL), 404, "unknown court");
        assertError(get(a.url("/api/v1/courts/" + enc("湘9999") + "/at-risk"), ALL), 404, "unknown court");
        assertError(get(b.url("/api/v1/cases/" + enc("(2026)湘02民初1号")), ALL), 404, "unknown case");
        assertError(get(a.url("/api/v1/alerts/streams"), ALL), 404, "no such resource");
        // Nothing of the token or the server's insides in an error body, the server's own error pages included.
        String body = get(a.url(atRisk), XIANG0211).body();
        assertThat(body).doesNotContain(XIANG0211).doesNotContain("Exception").doesNotContain("\tat ");
        for (String odd : List.of("/api/v1/cases/a%2Fb", "/api/v1/cases/%2e%2e/x", "/api/v1/cases/a%00b")) {
            HttpResponse<String> answer = get(a.url(odd), ALL);
            assertThat(answer.statusCode()).as(odd).isBetween(400, 404);
            assertThat(answer.body()).as(odd).doesNotContain("at org.").doesNotContain("at io.").doesNotContain("Servlet");
        }
    }

    /**
     * Digests (issue 9): the digest feed gets two alerts of 2026-03-02 (in the first digest build's JSON form, still read) for recipients
     * the test's cases never alert (their alerts would open those recipients' days today); on the wall clock the days
     * since 03-02 close at the next punctuation (every local midnight since has passed), and either
     * instance answers through the recipient's owner. A recipient naming a court outside the token is 403; a judge's
     * digest of another court is 404, like a case.
     */
    @Test
    void shouldAnswerDigestsThroughTheirOwnerWithinTheTokensCourts() throws Exception {
        String topic = "two.caseflow.digest-feed";
        long at = Instant.parse("2026-03-01T16:00:00Z").toEpochMilli(); // 2026-03-02 00:00 in Asia/Shanghai
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                SharedKafka.get().bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            for (String[] r : List.of(new String[] {"division-chief:湘0211/刑一庭", "湘0211"}, new String[] {"judge:J-8", "湘02"})) {
                String json = "{\"type\":\"alert\",\"recipient\":\"" + r[0] + "\",\"alertId\":\"(2026)" + r[1]
                        + "民初9号/v1/BREACHED\",\"caseId\":\"(2026)" + r[1] + "民初9号\",\"court\":\"" + r[1]
                        + "\",\"procedure\":\"CIVIL_FIRST_SUMMARY\",\"level\":\"BREACHED\",\"status\":\"FIRING\","
                        + "\"deadline\":\"2026-03-01\",\"at\":" + at + ",\"source\":-1}";
                producer.send(new ProducerRecord<>(topic, r[0], json.getBytes(StandardCharsets.UTF_8))).get();
            }
        }
        String chief = "/api/v1/digests/" + enc("division-chief:湘0211/刑一庭") + "?period=day&date=2026-03-02";
        Waits.await("the division chief's day digest stored").until(() -> get(a.url(chief), ALL).statusCode() == 200);
        // The next day's digest too: the punctuation closes the days one after another, writing each to the store
        // the API reads, and a query can come between 03-02 and 03-03 (a CI run read the 03-03 answer too early).
        Waits.await("the division chief's next day digest stored").until(() ->
                get(a.url(chief.replace("2026-03-02", "2026-03-03")), ALL).statusCode() == 200);
        KeyQueryMetadata owner = a.app().kafkaStreams().queryMetadataForKey(StoreNames.DIGESTS, "division-chief:湘0211/刑一庭",
                Serdes.String().serializer());
        for (Instance asked : List.of(a, b)) {
            HttpResponse<String> answer = get(asked.url(chief), XIANG02);
            assertThat(answer.statusCode()).as("asked %s, owner %s", asked.app().thisHost(), owner.activeHost())
                    .isEqualTo(200);
            JsonNode d = JSON.readTree(answer.body());
            assertThat(d.path("kind").asText()).isEqualTo("digest");
            assertThat(d.path("period").asText()).isEqualTo("2026-03-02");
            assertThat(d.path("counts").path("BREACHED").asInt()).isEqualTo(1);
            assertThat(d.path("counts").path("newlyBreached").asInt()).isEqualTo(1);
            assertThat(d.path("cases").get(0).path("daysOverdue").asInt()).isEqualTo(1);
            // The next day: still breached, 2 days overdue, not new.
            JsonNode next = JSON.readTree(get(asked.url(chief.replace("2026-03-02", "2026-03-03")), XIANG0211).body());
            assertThat(next.path("counts").path("newlyBreached").asInt()).isZero();
            assertThat(next.path("change").path("newlyBreached").asInt()).isEqualTo(-1);
            // Without a date: the latest closed day.
            JsonNode latest = JSON.readTree(get(asked.url("/api/v1/digests/" + enc("division-chief:湘0211/刑一庭") + "?period=day"),
                    ALL).body());
            assertThat(latest.path("period").asText()).isGreaterThan("2026-03-03");
            assertError(get(asked.url(chief), METRICS), 403, "may not read court 湘0211");
            assertError(get(asked.url("/api/v1/digests/" + enc("court:湘02") + "?period=week"), XIANG0211), 403,
                    "may not read court 湘02");
            assertError(get(asked.url(chief.replace("2026-03-02", "2026-02-27")), ALL), 404, "no day digest");
            assertError(get(asked.url(chief.replace("period=day", "period=year")), ALL), 400, "period must be");
            assertError(get(asked.url(chief.replace("2026-03-02", "2026-3-2")), ALL), 400, "date must be");
        }
        String judge = "/api/v1/digests/" + enc("judge:J-8") + "?period=day&date=2026-03-02";
        Waits.await("the judge's day digest stored").until(() -> get(a.url(judge), ALL).statusCode() == 200);
        for (Instance asked : List.of(a, b)) {
            assertThat(get(asked.url(judge), XIANG02).statusCode()).isEqualTo(200);
            assertError(get(asked.url(judge), XIANG0211), 404, "no day digest of judge:J-8");
        }
    }

    /**
     * An ack of a case of a court outside the token is 403 on either instance, the case's owner or the other one (whose
     * forwarded case lookup the owner would answer 404, as GET does); inside the token, an alert that is not firing is
     * 404 on either.
     */
    @Test
    void shouldAnswerAnAckOfAnotherCourtsCase403WhicheverInstanceOwnsIt() throws Exception {
        int remote = 0;
        for (String caseId : CASES.stream().filter(c -> c.contains("湘02民")).toList()) {
            KeyQueryMetadata owner = a.app().kafkaStreams().queryMetadataForKey(StoreNames.CASES, caseId,
                    Serdes.String().serializer());
            for (Instance asked : List.of(a, b)) {
                remote += owner.activeHost().equals(asked.app().thisHost()) ? 0 : 1;
                String path = "/api/v1/alerts/" + enc(caseId) + "/v9/NOTICE/ack";
                assertError(post(asked, path, XIANG0211, "{\"by\":\"judge:J-1\"}"), 403,
                        "may not acknowledge alerts of court 湘02");
                assertError(post(asked, path, XIANG02, "{\"by\":\"judge:J-1\"}"), 404, "unknown alert");
            }
        }
        assertThat(remote).as("acks asked of the instance that does not own the case").isPositive();
    }

    private static HttpResponse<String> post(Instance on, String path, String token, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(on.url(path))).timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldStreamAlertsOnlyToAnAuthenticatedClient() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(a.url("/api/v1/alerts/stream")))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + XIANG02).build();
        HttpResponse<java.io.InputStream> stream = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (java.io.InputStream in = stream.body()) {
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
            byte[] first = in.readNBytes(": caseflow alert stream".length());
            assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo(": caseflow alert stream");
        }
    }

    @Test
    void shouldLogInWithASessionCookieAndForwardTheCallersIdentity() throws Exception {
        HttpResponse<String> bad = session(a, "POST", null, "{\"token\":\"wrong-token-123456\"}", null);
        assertError(bad, 401, "unknown bearer token");
        assertError(session(a, "POST", null, "not json", null), 400, "JSON");
        assertError(session(a, "POST", null, "{}", null), 400, "JSON");
        assertError(session(a, "GET", null, null, null), 401, "a bearer token or a session is required");

        HttpResponse<String> login = session(a, "POST", null, "{\"token\":\"" + XIANG02 + "\"}", null);
        assertThat(login.statusCode()).isEqualTo(204);
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).matches("caseflow_session=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict")
                .doesNotContain(XIANG02);
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        HttpResponse<String> who = session(a, "GET", cookie, null, null);
        assertThat(who.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(who.body());
        assertThat(body.path("auth").asText()).isEqualTo("token");
        assertThat(body.path("courts").toString()).isEqualTo("[\"湘02\"]");
        assertThat(Instant.parse(body.path("expiresAt").asText())).isAfter(Instant.now().plus(Duration.ofHours(7)));
        JsonNode byBearer = JSON.readTree(get(a.url("/api/v1/session"), ALL).body());
        assertThat(byBearer.path("courts").toString()).isEqualTo("[\"*\"]");
        assertThat(byBearer.path("expiresAt").isNull()).isTrue();

        // Every case through instance A with the cookie alone: those B owns are forwarded with the caller's identity.
        for (String caseId : CASES) {
            awaitCase(a, caseId);
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(a.url("/api/v1/cases/" + enc(caseId))))
                    .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(caseId).isEqualTo(200);
        }
        HttpResponse<String> list = HTTP.send(HttpRequest.newBuilder(URI.create(a.url("/api/v1/courts/" + enc("湘0211")
                + "/at-risk?withinDays=30"))).header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(list.body())).hasSize(12);

        // A state-changing request on the cookie alone needs the CSRF header.
        assertError(send(a, "POST", "/api/v1/cases/" + enc(CASES.get(0)), cookie, null), 403, "X-Caseflow-Request");
        assertThat(send(a, "POST", "/api/v1/cases/" + enc(CASES.get(0)), cookie, "1").statusCode()).isIn(404, 405);
        // Sessions live in the instance that made them.
        assertError(session(b, "GET", cookie, null, null), 401, "session expired or unknown");

        HttpResponse<String> logout = session(a, "DELETE", cookie, null, null);
        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(logout.headers().firstValue("Set-Cookie")).hasValueSatisfying(c -> assertThat(c).contains("Max-Age=0"));
        assertError(session(a, "GET", cookie, null, null), 401, "session expired or unknown");
    }

    private static HttpResponse<String> session(Instance on, String method, String cookie, String body, String csrf)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(on.url("/api/v1/session")))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (csrf != null) {
            request.header("X-Caseflow-Request", csrf);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> send(Instance on, String method, String path, String cookie, String csrf)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(on.url(path)))
                .method(method, HttpRequest.BodyPublishers.ofString("{}")).header("Cookie", cookie);
        if (csrf != null) {
            request.header("X-Caseflow-Request", csrf);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertError(HttpResponse<String> response, int status, String message) throws IOException {
        assertThat(response.statusCode()).isEqualTo(status);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("error").asText()).contains(message);
    }

    /** The table fills a moment after the instances are RUNNING. */
    private static HttpResponse<String> awaitCase(Instance instance, String caseId) {
        return Waits.await("case " + caseId + " answered by " + instance.url(""))
                .until(() -> get(instance.url("/api/v1/cases/" + enc(caseId)), ALL), response -> response.statusCode() == 200);
    }



}
