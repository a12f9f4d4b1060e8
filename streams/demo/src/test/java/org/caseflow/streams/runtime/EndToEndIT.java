package org.caseflow.streams.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.caseflow.schemas.CaseflowSerdes;
import org.caseflow.streams.domain.cases.CaseEngine;
import org.caseflow.streams.domain.input.TestChecks;
import org.caseflow.streams.runtime.app.CaseflowApp;
import org.caseflow.streams.runtime.cli.CaseflowCli;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.jsonl.EventFileReader;
import org.caseflow.streams.runtime.jsonl.DigestJson;
import org.caseflow.streams.runtime.jsonl.OutputJson;
import org.caseflow.streams.runtime.jsonl.ParsedLine;
import org.caseflow.streams.runtime.kafka.SharedKafka;
import org.caseflow.streams.runtime.kafka.TopicAdmin;
import org.caseflow.streams.runtime.kafka.TopicSpec;
import org.caseflow.streams.topology.TopicNames;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on the real embedded broker: a simulated event file published with {@code caseflow produce
 * --clock-tick}, the real app on event time over 4 partitions, its alerts, snapshots and indicators read with
 * read_committed — equal to what {@code caseflow replay} gives for the same file and as-of.
 */
@Tag("integration")
class EndToEndIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration QUIET = Duration.ofSeconds(8);

    @TempDir
    static Path dir;

    private static final List<JsonNode> LIVE_ALERTS = new ArrayList<>();
    private static final Map<String, JsonNode> LIVE_SNAPSHOTS = new LinkedHashMap<>();
    private static final Map<String, JsonNode> LIVE_INDICATORS = new LinkedHashMap<>();
    private static final Map<String, String> LIVE_DIGESTS = new TreeMap<>();
    private static Map<String, String> replayDigests;
    private static List<JsonNode> replayAlerts;
    private static List<JsonNode> replayCases;
    private static List<JsonNode> replayIndicators;
    private static Set<String> months;
    private static CaseflowApp app;

    @BeforeAll
    static void runLiveAndReplay() throws Exception {
        // About 750 cases over 200 days: several hundred alerts of every level, appeals linked to their origins.
        Path events = dir.resolve("events.jsonl");
        assertThat(CaseflowCli.execute("simulate", "--seed", "11", "--start", "2025-01-01", "--days", "200",
                "--scale", "0.01", "--out", events.toString())).isEqualTo(0);
        String asOf = dayAfterLastEvent(events).toString();

        String bootstrap = SharedKafka.get().bootstrapServers();
        String run = UUID.randomUUID().toString().substring(0, 8);
        CaseflowConfig config = CaseflowConfig.of(Map.of(
                "kafka.bootstrap.servers", bootstrap,
                "caseflow.application.id", "e2e-" + run,
                "caseflow.topic.prefix", "e2e-" + run + ".",
                "caseflow.topic.partitions", "4",
                "caseflow.clock.mode", "EVENT_TIME",
                // Outputs carry 2025 event times: time-based retention must not delete them under the test.
                "caseflow.topic.retention.outputs.ms", "-1",
                "caseflow.state.dir", Files.createDirectory(dir.resolve("state")).toString(),
                "caseflow.shutdown.timeout.ms", "10000"));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            assertThat(new TopicAdmin(admin).ensure(TopicSpec.all(config)).ok()).isTrue();
        }
        long started = System.nanoTime();
        assertThat(CaseflowCli.execute("produce", events.toString(), "--bootstrap-servers", bootstrap,
                "--topic-prefix", config.topics().prefix(), "--clock-tick", asOf)).isEqualTo(0);
        System.out.printf("e2e: published in %d ms%n", (System.nanoTime() - started) / 1_000_000);

        Path cases = dir.resolve("cases.jsonl");
        Path alerts = dir.resolve("alerts.jsonl");
        Path indicators = dir.resolve("indicators.jsonl");
        Path digests = dir.resolve("digests.jsonl");
        assertThat(CaseflowCli.execute("replay", events.toString(), "--as-of", asOf, "--cases-out", cases.toString(),
                "--alerts-out", alerts.toString(), "--indicators-out", indicators.toString(),
                "--digests-out", digests.toString())).isEqualTo(0);
        replayDigests = new TreeMap<>();
        for (JsonNode d : readJson(digests)) {
            replayDigests.put(digestKey(d), d.toString());
        }
        replayAlerts = readJson(alerts);
        replayCases = readJson(cases);
        replayIndicators = readJson(indicators);
        months = new TreeSet<>();
        replayCases.forEach(c -> months.add(c.get("filedOn").asText().substring(0, 7)));

        started = System.nanoTime();
        app = CaseflowApp.create(config, new SimpleMeterRegistry());
        app.start();
        assertThat(app.awaitRunning(Duration.ofSeconds(60))).as("streams RUNNING").isTrue();
        consumeUntilQuiet(config);
        System.out.printf("e2e: live outputs complete %d ms after start: %d alerts, %d snapshots, %d indicators%n",
                (System.nanoTime() - started) / 1_000_000, LIVE_ALERTS.size(), LIVE_SNAPSHOTS.size(),
                LIVE_INDICATORS.size());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void shouldRaiseAndResolveTheSameAlertsPerCaseAsTheReplay() {
        Function<JsonNode, String> alert = a -> String.join(" ", a.get("alertId").asText(), a.get("level").asText(),
                a.get("status").asText(), a.get("deadline").asText(), a.get("daysRemaining").asText(),
                a.get("raisedAt").asText());
        Map<String, List<String>> live = perCase(LIVE_ALERTS, alert);
        Map<String, List<String>> replay = perCase(replayAlerts, alert);

        assertThat(replayAlerts).hasSizeGreaterThan(100);
        assertThat(replay.values().stream().flatMap(List::stream).map(a -> a.split(" ")[1]).distinct())
                .contains("NOTICE", "WARNING", "CRITICAL", "BREACHED", "OVERDUE");
        // Partitions interleave cases differently; within a case the order is the case's own history.
        assertThat(live).isEqualTo(replay);
    }

    @Test
    void shouldCloseTheSameDigestsAsTheReplay() {
        // Four case tasks send their event clocks to four digest tasks: each period closes once all four passed its
        // end, so the live digests (latest per key of the compacted topic) are the replay's, change and all.
        assertThat(replayDigests).hasSizeGreaterThan(100);
        assertThat(replayDigests.keySet()).anyMatch(k -> k.contains("|week|")).anyMatch(k -> k.contains("|month|"))
                .anyMatch(k -> k.startsWith("president:"));
        assertThat(replayDigests.values()).anyMatch(d -> d.contains("\"newlyBreached\":1"));
        // Described difference by difference: a thousand digests printed whole say nothing.
        List<String> differences = new ArrayList<>();
        for (String key : new TreeSet<>(java.util.stream.Stream.concat(replayDigests.keySet().stream(),
                LIVE_DIGESTS.keySet().stream()).toList())) {
            String replay = replayDigests.get(key);
            String live = LIVE_DIGESTS.get(key);
            if (replay == null || !replay.equals(live)) {
                differences.add(key + "\n  replay: " + replay + "\n  live:   " + live);
            }
        }
        assertThat(differences.subList(0, Math.min(5, differences.size())))
                .as("%d differences (the first 5 shown); %d live digests, %d replayed", differences.size(),
                        LIVE_DIGESTS.size(), replayDigests.size()).isEmpty();
    }

    private static String digestKey(JsonNode d) {
        return d.get("recipient").asText() + "|" + d.get("periodKind").asText() + "|" + d.get("period").asText();
    }

    @Test
    void shouldEndEveryCaseInTheSameStateAsTheReplay() {
        // Not updatedAt (when the snapshot was last emitted) and not excludedDays: replay computes a
        // clock-stopped case's standing days as of the as-of day, the live snapshot as of its last change.
        Function<JsonNode, String> state = c -> String.join(" ", c.get("status").asText(), c.get("deadline").asText(),
                c.get("closedOn").asText(), c.get("onTime").asText(), c.get("procedure").asText(),
                c.get("extendedBy").asText());
        Map<String, String> replay = new TreeMap<>();
        replayCases.forEach(c -> replay.put(c.get("caseId").asText(), state.apply(c)));
        Map<String, String> live = new TreeMap<>();
        LIVE_SNAPSHOTS.forEach((caseId, c) -> live.put(caseId, state.apply(c)));

        assertThat(replayCases).hasSizeGreaterThan(500);
        assertThat(replayCases).filteredOn(c -> !c.get("originCaseId").isNull()).hasSizeGreaterThan(10);
        assertThat(live).isEqualTo(replay);
    }

    @Test
    void shouldPublishTheSameMonthlyCountsAsTheReplay() {
        // Counts that do not move with the clock; ratios of pending stocks and ages would depend on the
        // instant each value was computed (live: the last fact's time, replay: the as-of).
        Map<String, String> replay = new TreeMap<>();
        replayIndicators.stream().filter(EndToEndIT::clockFreeMonthlyCount)
                .forEach(i -> replay.put(indicatorKey(i), counts(i)));
        Map<String, String> live = new TreeMap<>();
        LIVE_INDICATORS.values().stream().filter(EndToEndIT::clockFreeMonthlyCount)
                .forEach(i -> live.put(indicatorKey(i), counts(i)));

        assertThat(replay.values()).anyMatch(v -> v.matches("APPEAL_RATE [1-9].*"));
        // Live publishes the periods facts touched; replay lists every period, zeros included.
        replay.entrySet().removeIf(e -> !live.containsKey(e.getKey()) && e.getValue().matches("\\S+ (null|0\\.0)( 0\\.0)*"));
        assertThat(live).hasSizeGreaterThan(100);
        assertThat(live).isEqualTo(replay);
    }

    private static boolean clockFreeMonthlyCount(JsonNode i) {
        return Set.of("FILINGS", "CLOSURES", "APPEAL_RATE").contains(i.get("indicator").asText())
                && "MONTH".equals(i.get("window").asText()) && months.contains(i.get("period").asText());
    }

    private static String indicatorKey(JsonNode i) {
        return String.join("|", i.get("scope").asText(), i.get("includesSubordinates").asText(),
                i.get("category").asText(), i.get("indicator").asText(), i.get("window").asText(),
                i.get("period").asText());
    }

    private static String counts(JsonNode i) {
        String indicator = i.get("indicator").asText();
        String numbers = "APPEAL_RATE".equals(indicator)
                ? i.get("numerator").asText() + " " + i.get("denominator").asText()
                : i.get("value").asText();
        return indicator + " " + numbers;
    }

    private static Map<String, List<String>> perCase(List<JsonNode> alerts, Function<JsonNode, String> form) {
        Map<String, List<String>> byCase = new TreeMap<>();
        alerts.forEach(a -> byCase.computeIfAbsent(a.get("caseId").asText(), k -> new ArrayList<>()).add(form.apply(a)));
        return byCase;
    }

    private static LocalDate dayAfterLastEvent(Path events) throws IOException {
        Instant[] last = {Instant.EPOCH};
        new EventFileReader(TestChecks.SEEDED).read(events.toString(), line -> {
            if (line instanceof ParsedLine.Valid ok && ok.event().getOccurredAt().isAfter(last[0])) {
                last[0] = ok.event().getOccurredAt();
            }
        });
        return LocalDate.ofInstant(last[0], CaseEngine.Settings.defaults().defaultZone()).plusDays(1);
    }

    private static List<JsonNode> readJson(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }

    /**
     * Reads the three output topics (read_committed) until the app has consumed every input record and
     * nothing new arrived for {@link #QUIET} (longer than the 5 s indicator flush interval).
     */
    private static void consumeUntilQuiet(CaseflowConfig config) throws Exception {
        TopicNames topics = config.topics().names();
        var alerts = CaseflowSerdes.deadlineAlert().deserializer();
        var snapshots = CaseflowSerdes.caseSnapshot().deserializer();
        var indicators = CaseflowSerdes.indicatorValue().deserializer();
        var digests = CaseflowSerdes.digest().deserializer();
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-reader-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        long[] lastRecord = {System.nanoTime()};
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer());
             Admin admin = Admin.create(Map.of("bootstrap.servers", config.bootstrapServers()))) {
            consumer.subscribe(List.of(topics.deadlineAlerts(), topics.caseSnapshots(), topics.indicators(),
                    topics.digests()));
            // Polled on this thread: the consumer is not for sharing.
            Waits.await("every input consumed and no new output for " + QUIET).pollInSameThread().until(() -> {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    lastRecord[0] = System.nanoTime();
                    if (r.topic().equals(topics.deadlineAlerts())) {
                        LIVE_ALERTS.add(JSON.readTree(OutputJson.toJson(alerts.deserialize(r.topic(), r.value()))));
                    } else if (r.topic().equals(topics.digests())) {
                        if (r.value() == null) {
                            LIVE_DIGESTS.remove(r.key()); // a day digest past its retention
                        } else {
                            LIVE_DIGESTS.put(r.key(), DigestJson.toJson(digests.deserialize(r.topic(), r.value())));
                        }
                    } else if (r.topic().equals(topics.caseSnapshots())) {
                        LIVE_SNAPSHOTS.put(r.key(), JSON.readTree(OutputJson.toJson(snapshots.deserialize(r.topic(), r.value()))));
                    } else {
                        JsonNode i = JSON.readTree(OutputJson.toJson(indicators.deserialize(r.topic(), r.value())));
                        LIVE_INDICATORS.put(indicatorKey(i), i);
                    }
                }
                boolean quiet = System.nanoTime() - lastRecord[0] > QUIET.toNanos();
                return quiet && inputsConsumed(admin, config.streams().applicationId(), topics);
            });
        }
    }

    private static boolean inputsConsumed(Admin admin, String group, TopicNames topics) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
        for (String topic : java.util.stream.Stream.concat(topics.inputs().stream(), java.util.stream.Stream.of(
                topics.digestFeed())).toList()) {
            for (int p = 0; p < 4; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
        }
        var ends = admin.listOffsets(latest).all().get();
        return ends.entrySet().stream().allMatch(e -> {
            OffsetAndMetadata c = committed.get(e.getKey());
            return e.getValue().offset() == 0 || (c != null && c.offset() >= e.getValue().offset());
        });
    }
}
