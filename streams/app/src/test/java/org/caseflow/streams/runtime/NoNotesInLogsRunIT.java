package org.caseflow.streams.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseflow.streams.runtime.http.ApiCalls.enc;
import static org.caseflow.streams.runtime.Ports.freePort;
import static org.caseflow.streams.runtime.http.ApiCalls.get;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.HearingPostponed;
import org.caseflow.events.PostponementReason;
import org.caseflow.schemas.CaseflowSerdes;
import org.caseflow.streams.runtime.app.CaseflowApp;
import org.caseflow.streams.runtime.app.StoreQueries;
import org.caseflow.streams.runtime.cli.CaseflowCli;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.config.TokenHash;
import org.caseflow.streams.runtime.http.AlertBroadcaster;
import org.caseflow.streams.runtime.http.ApiCalls;
import org.caseflow.streams.runtime.http.HttpApi;
import org.caseflow.streams.runtime.kafka.SharedKafka;
import org.caseflow.streams.runtime.kafka.TopicAdmin;
import org.caseflow.streams.runtime.kafka.TopicSpec;
import org.caseflow.streams.runtime.metrics.Metrics;
import org.caseflow.streams.topology.DeadLetters;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Data minimisation in a demo-like run (issue 12): the real app on the embedded broker, with its HTTP API, over a
 * scenario whose postponement and restart notes carry a sentinel string, plus two refused notes sent by a raw
 * producer (one with an 18-digit resident id, one over 200 characters). Every log line of the run (Caseflow's at
 * TRACE, Kafka's, the CLI's console) is captured: neither the sentinel, nor the judge id or division of the events,
 * nor anything shaped like a resident id appears. The case history gives the reason codes; the notes only to a
 * token of the court that asks for them.
 */
@Tag("integration")
class NoNotesInLogsRunIT {
    private static final String SENTINEL = "SENTINEL-7F3A";
    private static final String JUDGE = "J-0211-9017";
    private static final String DIVISION = "民二庭";
    private static final String CIVIL = "(2026)湘0211民初9901号";
    private static final String CRIMINAL = "(2026)湘0211刑初9902号";
    private static final String RESIDENT_ID = "430202198807154512";
    /**
     * A resident id anywhere in a line, shaped as GB 11643 makes them: a six-digit area code, a birth date (YYYYMMDD,
     * 19xx or 20xx), three digits and a digit or X. The date matters: any 18 digits matched before, and a random
     * 18-digit number in one run's logs (963953272090818166, not an id) failed it.
     */
    private static final Pattern ID_LIKE = Pattern.compile(
            "(?<!\\d)\\d{6}(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[\\dXx](?!\\d)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void shouldKeepNotesAndIdentityNumbersOutOfEveryLogLineAndOutOfTheDefaultHistory() throws Exception {
        String token = TokenHash.newToken();
        String otherCourt = TokenHash.newToken();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String bootstrap = SharedKafka.get().bootstrapServers();
        CaseflowConfig config = CaseflowConfig.of(Map.of(
                "kafka.bootstrap.servers", bootstrap,
                "caseflow.application.id", "notes-" + run,
                "caseflow.topic.prefix", "notes-" + run + ".",
                "caseflow.api.tokens", TokenHash.of(token, 1_000).written() + ":湘0211;"
                        + TokenHash.of(otherCourt, 1_000).written() + ":湘0202",
                "caseflow.http.port", String.valueOf(freePort()),
                "caseflow.state.dir", Files.createDirectory(dir.resolve("state")).toString(),
                "caseflow.shutdown.timeout.ms", "10000"));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            assertThat(new TopicAdmin(admin).ensure(TopicSpec.all(config)).ok()).isTrue();
        }
        Path events = scenario();

        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger caseflow = (Logger) LoggerFactory.getLogger("org.caseflow");
        Level before = caseflow.getLevel();
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        root.addAppender(logs);
        caseflow.setLevel(Level.TRACE);
        CaseflowApp app = null;
        HttpApi http = null;
        HttpApi open = null;
        try {
            System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
            PrometheusMeterRegistry registry = Metrics.newRegistry();
            app = CaseflowApp.create(config, registry);
            StoreQueries queries = new StoreQueries(app.kafkaStreams(), app.reference(), Instant::now);
            http = new HttpApi(config, app.reference().base().seeds().courts(), registry, app, queries,
                    new AlertBroadcaster()).start();
            app.start();
            assertThat(app.awaitRunning(Duration.ofSeconds(60))).as("streams RUNNING").isTrue();
            assertThat(CaseflowCli.execute("produce", events.toString(), "--bootstrap-servers", bootstrap,
                    "--topic-prefix", config.topics().prefix())).isZero();
            publishRefusedNotes(bootstrap, config.topics().names().caseHearings());

            // Both refused notes are dead-lettered with their reasons (and not lost) ...
            assertThat(deadLetterReasons(bootstrap, config.topics().names().deadLetters()))
                    .containsExactlyInAnyOrder("personal-data", "note-too-long");
            // ... and the valid ones reach their cases: the history gives the code, not the note.
            String url = "http://localhost:" + http.port() + "/api/v1/cases/";
            JsonNode civil = awaitHistory(url + enc(CIVIL), token, "HEARING_POSTPONED", 2);
            JsonNode postponed = event(civil, "HEARING_POSTPONED");
            assertThat(postponed.path("reasonCode").asText()).isEqualTo("NEW_EVIDENCE");
            assertThat(postponed.has("note")).isFalse();
            assertThat(civil.path("history").findValues("reason")).as("free-text reasons of old records").isEmpty();
            assertThat(civil.toString()).doesNotContain(SENTINEL);
            JsonNode restarted = event(awaitHistory(url + enc(CRIMINAL), token, "CLOCK_RESTARTED", 1), "CLOCK_RESTARTED");
            assertThat(restarted.path("reasonCode").asText()).isEqualTo("SUPPLEMENTARY_INVESTIGATION");
            assertThat(restarted.has("note")).isFalse();

            // Notes to a token of the court that asks for them ...
            HttpResponse<String> withNotes = get(url + enc(CIVIL) + "?notes=true", token);
            assertThat(withNotes.statusCode()).isEqualTo(200);
            assertThat(event(JSON.readTree(withNotes.body()), "HEARING_POSTPONED").path("note").asText()).contains(SENTINEL);
            assertThat(withNotes.body()).contains(SENTINEL + " 旧格式原因");
            // ... never to another court's token (the case is unknown to it) nor on an open API.
            assertThat(get(url + enc(CIVIL) + "?notes=true", otherCourt).statusCode()).isEqualTo(404);
            CaseflowConfig openConfig = CaseflowConfig.of(Map.of("kafka.bootstrap.servers", bootstrap,
                    "caseflow.application.id", "notes-" + run, "caseflow.topic.prefix", "notes-" + run + ".",
                    "caseflow.http.auth", "none", "caseflow.http.port", String.valueOf(freePort())));
            open = new HttpApi(openConfig, app.reference().base().seeds().courts(), registry, app, queries,
                    new AlertBroadcaster()).start();
            String openUrl = "http://localhost:" + open.port() + "/api/v1/cases/" + enc(CIVIL);
            assertThat(get(openUrl + "?notes=true", null).statusCode()).isEqualTo(403);
            assertThat(get(openUrl, null).body()).contains("NEW_EVIDENCE").doesNotContain(SENTINEL);
        } finally {
            if (open != null) {
                open.close();
            }
            if (http != null) {
                http.close();
            }
            if (app != null) {
                app.close();
            }
            System.setOut(out);
            System.setErr(err);
            root.detachAppender(logs);
            caseflow.setLevel(before);
        }

        StringBuilder logged = new StringBuilder(console.toString(StandardCharsets.UTF_8));
        for (ILoggingEvent e : List.copyOf(logs.list)) {
            logged.append(e.getFormattedMessage()).append('\n');
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                logged.append(t.getMessage()).append('\n');
            }
        }
        // The appender saw the run (Caseflow logs little at INFO, nothing per event; TRACE is on for it here).
        assertThat(logged.toString()).as("logs").contains("streams state REBALANCING -> RUNNING", "caseflow.http.auth=none");
        assertThat(logged.toString()).as("logs").doesNotContain(SENTINEL).doesNotContain(JUDGE).doesNotContain(DIVISION)
                .doesNotContain(RESIDENT_ID);
        assertThat(ID_LIKE.matcher("id " + RESIDENT_ID + ".").find()).as("the pattern finds a resident id").isTrue();
        assertThat(ID_LIKE.matcher("seed 963953272090818166.").find()).as("nor random digits").isFalse();
        assertThat(ID_LIKE.matcher(logged).results().map(m -> m.group()).toList()).as("resident-id-like strings").isEmpty();
    }

    /** A civil case with a postponement and a criminal case with a restart, both with the sentinel in their notes. */
    private Path scenario() throws IOException {
        String common = "\"court\":\"湘0211\",\"occurredAt\":\"%sT09:00:00+08:00\"";
        List<String> lines = List.of(
                line("n-1", "CASE_FILED", CIVIL, "2026-03-02", "\"procedure\":\"CIVIL_FIRST_ORDINARY\",\"filedOn\":\"2026-03-02\","
                        + "\"division\":\"" + DIVISION + "\",\"judge\":\"" + JUDGE + "\"", common),
                line("n-2", "HEARING_SCHEDULED", CIVIL, "2026-03-05", "\"hearingId\":\"H-9901\","
                        + "\"scheduledFor\":\"2026-04-01T01:00:00Z\"", common),
                line("n-3", "HEARING_POSTPONED", CIVIL, "2026-04-01", "\"hearingId\":\"H-9901\",\"reasonCode\":\"NEW_EVIDENCE\","
                        + "\"note\":\"" + SENTINEL + " 被告申请重新鉴定\"", common),
                // Written before reason codes: the deprecated free text is held back like a note.
                line("n-3a", "HEARING_SCHEDULED", CIVIL, "2026-04-01", "\"hearingId\":\"H-9902\","
                        + "\"scheduledFor\":\"2026-04-20T01:00:00Z\"", common),
                line("n-3b", "HEARING_POSTPONED", CIVIL, "2026-04-20", "\"hearingId\":\"H-9902\","
                        + "\"reason\":\"" + SENTINEL + " 旧格式原因\"", common),
                line("n-4", "CASE_FILED", CRIMINAL, "2026-03-02", "\"procedure\":\"CRIMINAL_FIRST\",\"filedOn\":\"2026-03-02\","
                        + "\"judge\":\"" + JUDGE + "\"", common),
                line("n-5", "CLOCK_RESTARTED", CRIMINAL, "2026-04-10", "\"restartedOn\":\"2026-04-10\","
                        + "\"reasonCode\":\"SUPPLEMENTARY_INVESTIGATION\",\"note\":\"" + SENTINEL + " 补充侦查完毕移送\"", common));
        Path file = dir.resolve("notes.jsonl");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    private static String line(String id, String type, String caseId, String day, String fields, String common) {
        return "{\"eventId\":\"" + id + "\",\"type\":\"" + type + "\",\"caseId\":\"" + caseId + "\","
                + String.format(common, day) + "," + fields + "}";
    }

    /** What {@code caseflow produce} would refuse, sent as a raw producer would: the app must refuse it too. */
    private static void publishRefusedNotes(String bootstrap, String topic) throws Exception {
        Map<String, Object> props = new HashMap<>(Map.of("bootstrap.servers", bootstrap, "acks", "all"));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            for (String[] refused : new String[][] {{"n-6", "当事人身份证" + RESIDENT_ID + " " + SENTINEL},
                    {"n-7", SENTINEL + " " + "补".repeat(300)}}) {
                CaseEvent event = CaseEvent.newBuilder().setEventId(refused[0]).setCaseId(CIVIL).setCourt("湘0211")
                        .setOccurredAt(LocalDate.of(2026, 4, 2).atTime(1, 0).toInstant(java.time.ZoneOffset.UTC))
                        .setPayload(HearingPostponed.newBuilder().setHearingId("H-9901")
                                .setReasonCode(PostponementReason.OTHER).setNote(refused[1]).build())
                        .build();
                byte[] value = CaseflowSerdes.caseEvent().serializer().serialize(topic, event);
                producer.send(new ProducerRecord<>(topic, null, event.getOccurredAt().toEpochMilli(), CIVIL, value)).get();
            }
        }
    }

    private static List<String> deadLetterReasons(String bootstrap, String topic) {
        Map<String, Object> props = Map.of("bootstrap.servers", bootstrap, "group.id", "notes-dlq-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest", "isolation.level", "read_committed");
        List<String> reasons = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            // Polled on this thread: the consumer is not for sharing.
            Waits.await("two dead letters in " + topic).pollInSameThread().until(() -> {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    Header reason = r.headers().lastHeader(DeadLetters.REASON);
                    reasons.add(reason == null ? "?" : new String(reason.value(), StandardCharsets.UTF_8));
                }
                return reasons.size() >= 2;
            });
        }
        return reasons;
    }

    /** The case once its history holds {@code count} events of {@code type} (the app folds events as they arrive). */
    private static JsonNode awaitHistory(String url, String token, String type, int count) throws Exception {
        HttpResponse<String> answer = Waits.await(count + " " + type + " in the history of " + url).until(() -> get(url, token),
                r -> r.statusCode() == 200 && ApiCalls.json(r.body()).path("history").findValues("type").stream()
                        .filter(t -> t.asText().equals(type)).count() >= count);
        return JSON.readTree(answer.body());
    }

    private static JsonNode event(JsonNode caseBody, String type) {
        for (JsonNode e : caseBody.path("history")) {
            if (type.equals(e.path("type").asText())) {
                return e;
            }
        }
        return null;
    }



}
