package org.caseflow.streams.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.caseflow.streams.domain.indicators.FactKind;
import org.caseflow.streams.runtime.app.CaseflowApp;
import org.caseflow.streams.runtime.cli.CaseflowCli;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.kafka.SharedKafka;
import org.caseflow.streams.runtime.kafka.TopicAdmin;
import org.caseflow.streams.runtime.kafka.TopicSpec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8 item 2 figures: a bulk load of simulated history through the real app (embedded broker, 4 partitions,
 * 2 stream threads, exactly-once, event time), then every record the app wrote, counted per topic and partition
 * with read_committed: internal topics, changelogs and outputs. Prints the facts → records ratio and how the
 * indicator input spreads over partitions.
 * Run: {@code mvn -B -Pbenchmark -pl streams -am test -Dtest=IndicatorPipelineBenchmarkTest
 * -Dsurefire.failIfNoSpecifiedTests=false} (-Dbench.scale=0.2 -Dbench.days=200 change the load).
 */
@Tag("benchmark")
class IndicatorPipelineBenchmarkTest {
    private static final int PARTITIONS = 4;
    private static final Duration TIMEOUT = Duration.ofMinutes(20);
    private static final Set<String> FACT_KINDS =
            Arrays.stream(FactKind.values()).map(Enum::name).collect(Collectors.toSet());

    @TempDir
    Path dir;

    @Test
    void shouldReportRecordsWrittenPerFactAndHowFactsSpread() throws Exception {
        String scale = System.getProperty("bench.scale", "0.2");
        String days = System.getProperty("bench.days", "200");
        Path events = dir.resolve("events.jsonl");
        assertThat(CaseflowCli.execute("simulate", "--seed", "5", "--start", "2025-01-01", "--days", days,
                "--scale", scale, "--out", events.toString())).isZero();
        long eventCount;
        try (var lines = Files.lines(events)) {
            eventCount = lines.count();
        }
        String bootstrap = SharedKafka.get().bootstrapServers();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String prefix = "bench-" + run + ".";
        Map<String, String> settings = new HashMap<>(Map.of(
                "kafka.bootstrap.servers", bootstrap,
                "caseflow.application.id", "bench-" + run,
                "caseflow.topic.prefix", prefix,
                "caseflow.topic.partitions", String.valueOf(PARTITIONS),
                "caseflow.clock.mode", "EVENT_TIME",
                "caseflow.streams.threads", "2",
                "caseflow.topic.retention.outputs.ms", "-1",
                "caseflow.state.dir", Files.createDirectory(dir.resolve("state")).toString(),
                "caseflow.shutdown.timeout.ms", "10000"));
        // Changelogs not compacted under the count (the broker's segments are 64 MiB).
        settings.put("kafka.topic.cleanup.policy", "delete");
        settings.put("kafka.topic.retention.ms", "-1");
        CaseflowConfig config = CaseflowConfig.of(settings);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            assertThat(new TopicAdmin(admin).ensure(TopicSpec.all(config)).ok()).isTrue();
            assertThat(CaseflowCli.execute("produce", events.toString(), "--bootstrap-servers", bootstrap,
                    "--topic-prefix", prefix, "--clock-tick", "2026-01-01")).isZero();

            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            long started = System.nanoTime();
            double seconds;
            double inputSeconds;
            Map<String, Double> sent;
            try (CaseflowApp app = CaseflowApp.create(config, registry)) {
                app.start();
                assertThat(app.awaitRunning(Duration.ofSeconds(60))).isTrue();
                long inputsAt = awaitDrained(admin, config.streams().applicationId(), prefix);
                seconds = (System.nanoTime() - started) / 1e9;
                inputSeconds = (inputsAt - started) / 1e9;
                Thread.sleep(7_000); // the last throttled indicator flush (5 s)
                sent = sentPerTopic(registry, prefix, config.streams().applicationId() + "-");
            }
            double facts = registry.getMeters().stream()
                    .filter(m -> m.getId().getName().equals("caseflow.events"))
                    .filter(m -> config.topics().names().caseFacts().equals(m.getId().getTag("topic")))
                    .filter(m -> FACT_KINDS.contains(m.getId().getTag("type")))
                    .mapToDouble(m -> ((Counter) m).count()).sum();
            Map<String, long[]> written = countRecords(admin, bootstrap, prefix, config.streams().applicationId() + "-");
            long total = written.values().stream().mapToLong(IndicatorPipelineBenchmarkTest::sum).sum();
            System.out.printf(Locale.ROOT, "indicator pipeline: %d events, %.0f facts, inputs read in %.1f s, all"
                    + " drained in %.1f s (%.0f facts/s)%n", eventCount, facts, inputSeconds, seconds, facts / seconds);
            System.out.printf(Locale.ROOT, "%-40s %10s %8s %10s  %s%n", "topic", "sent", "per fact", "committed",
                    "committed per partition");
            written.forEach((topic, perPartition) -> System.out.printf(Locale.ROOT, "%-40s %10.0f %8.3f %10d  %s%n",
                    topic, sent.getOrDefault(topic, 0.0), sent.getOrDefault(topic, 0.0) / facts, sum(perPartition),
                    Arrays.toString(perPartition)));
            double sentTotal = sent.values().stream().mapToDouble(Double::doubleValue).sum();
            System.out.printf(Locale.ROOT, "%-40s %10.0f %8.3f %10d%n", "all topics", sentTotal, sentTotal / facts,
                    total);
            assertThat(facts).isPositive();
        }
    }

    /** Records the app's producers sent, per topic (Kafka's producer-topic-metrics, via Micrometer's binder). */
    private static Map<String, Double> sentPerTopic(SimpleMeterRegistry registry, String prefix, String appPrefix) {
        Map<String, Double> out = new TreeMap<>();
        registry.getMeters().stream()
                .filter(m -> m.getId().getName().endsWith("record.send.total") && m.getId().getTag("topic") != null)
                .forEach(m -> {
                    String topic = m.getId().getTag("topic");
                    String name = topic.startsWith(prefix) ? topic.substring(prefix.length())
                            : topic.startsWith(appPrefix) ? topic.substring(appPrefix.length()) : topic;
                    double value = m.measure().iterator().next().getValue();
                    out.merge(name, value, Double::sum);
                });
        return out;
    }

    private static long sum(long[] values) {
        return Arrays.stream(values).sum();
    }

    /**
     * Waits until the app's group has consumed every partition it reads (an EOS marker may be left over); returns
     * when (nanoTime) the inputs were first all consumed.
     */
    private static long awaitDrained(Admin admin, String group, String prefix) throws Exception {
        long inputsAt = 0;
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        int stable = 0;
        while (stable < 3) {
            assertThat(System.nanoTime()).as("drained within " + TIMEOUT).isLessThan(deadline);
            Thread.sleep(1_000);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (String topic : admin.listTopics().names().get()) {
                if (topic.startsWith(prefix)) {
                    for (int p = 0; p < PARTITIONS; p++) {
                        latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
                    }
                }
            }
            var ends = admin.listOffsets(latest).all().get();
            boolean inputsRead = ends.entrySet().stream().filter(e -> e.getKey().topic().startsWith(prefix + "courts."))
                    .allMatch(e -> committed.containsKey(e.getKey())
                            && committed.get(e.getKey()).offset() >= e.getValue().offset());
            boolean internalRead = committed.entrySet().stream().allMatch(e ->
                    ends.get(e.getKey()) == null || e.getValue().offset() >= ends.get(e.getKey()).offset() - 1);
            if (inputsRead && inputsAt == 0) {
                inputsAt = System.nanoTime();
            }
            stable = inputsRead && internalRead ? stable + 1 : 0;
        }
        return inputsAt;
    }

    /** Data records (read_committed: no aborted ones, no markers) per partition of every topic the app owns. */
    private static Map<String, long[]> countRecords(Admin admin, String bootstrap, String prefix, String appPrefix)
            throws Exception {
        Map<String, long[]> out = new TreeMap<>();
        List<String> topics = admin.listTopics().names().get().stream()
                .filter(t -> (t.startsWith(prefix) && !t.startsWith(prefix + "courts.")) || t.startsWith(appPrefix))
                .sorted().toList();
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            for (String topic : topics) {
                int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
                long[] counts = new long[partitions];
                List<TopicPartition> tps = new ArrayList<>();
                for (int p = 0; p < partitions; p++) {
                    tps.add(new TopicPartition(topic, p));
                }
                consumer.assign(tps);
                consumer.seekToBeginning(tps);
                Map<TopicPartition, Long> ends = consumer.endOffsets(tps);
                long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                while (tps.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))
                        && System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(200)).forEach(r -> counts[r.partition()]++);
                }
                out.put(topic.startsWith(prefix) ? topic.substring(prefix.length()) : topic.substring(appPrefix.length()),
                        counts);
            }
        }
        return out;
    }
}
