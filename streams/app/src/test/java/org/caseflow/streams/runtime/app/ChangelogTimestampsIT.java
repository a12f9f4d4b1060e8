package org.caseflow.streams.runtime.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.StringSerializer;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.CaseFiled;
import org.caseflow.events.Procedure;
import org.caseflow.schemas.CaseflowSerdes;
import org.caseflow.streams.runtime.Waits;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.dlq.TopicScan;
import org.caseflow.streams.runtime.kafka.OverdueInstance;
import org.caseflow.streams.topology.StoreNames;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stores' changelogs on a real broker are stamped with the time the broker appends a record, not the event time of
 * the record the app was processing: a changelog written while the app catches up on months of events would
 * otherwise roll a segment per week of event time (docs/performance.md, "Nineteenth session").
 */
@Tag("integration")
class ChangelogTimestampsIT {
    @TempDir
    Path dir;

    @Test
    void shouldStampChangelogRecordsWithAppendTimeNotEventTime() throws Exception {
        CaseflowConfig config = OverdueInstance.config("changelog-ts", dir.resolve("state"));
        String changelog = config.streams().applicationId() + "-" + StoreNames.CASES + "-changelog";
        String caseId = "(2024)湘0211民初7号";
        Instant occurredAt = Instant.parse("2024-01-02T02:00:00Z");
        long before = System.currentTimeMillis();
        try (CaseflowRuntime runtime = CaseflowRuntime.start(config)) {
            assertThat(runtime.app().awaitRunning(Duration.ofSeconds(60))).isTrue();
            // The input record carries the event's own time, as `caseflow produce` sends it.
            try (KafkaProducer<String, CaseEvent> producer = new KafkaProducer<>(
                    Map.of("bootstrap.servers", config.bootstrapServers()), new StringSerializer(),
                    CaseflowSerdes.caseEvent().serializer())) {
                producer.send(new ProducerRecord<>(config.topics().names().caseFilings(), null,
                        occurredAt.toEpochMilli(), caseId, CaseEvent.newBuilder()
                        .setEventId(caseId + "#1").setCaseId(caseId).setCourt("湘0211").setOccurredAt(occurredAt)
                        .setPayload(CaseFiled.newBuilder().setProcedure(Procedure.CIVIL_FIRST_SUMMARY)
                                .setFiledOn(LocalDate.of(2024, 1, 2)).build()).build())).get();
            }
            List<ConsumerRecord<byte[], byte[]>> written = Waits.await("the case in the case store's changelog")
                    .until(() -> read(config, changelog, caseId), records -> !records.isEmpty());

            assertThat(written).allSatisfy(r -> {
                assertThat(r.timestampType()).isEqualTo(TimestampType.LOG_APPEND_TIME);
                assertThat(r.timestamp()).isGreaterThanOrEqualTo(before).isNotEqualTo(occurredAt.toEpochMilli());
            });
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", config.bootstrapServers()))) {
                ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, changelog);
                Config configs = admin.describeConfigs(Set.of(topic)).all().get().get(topic);
                assertThat(configs.get(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG).value()).isEqualTo("LogAppendTime");
                assertThat(configs.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
            }
        }
    }

    /** The committed records of {@code topic} (one partition per input partition) keyed {@code key}. */
    private static List<ConsumerRecord<byte[], byte[]>> read(CaseflowConfig config, String topic, String key) {
        byte[] wanted = key.getBytes(StandardCharsets.UTF_8);
        List<TopicPartition> partitions = IntStream.range(0, config.topics().partitions())
                .mapToObj(p -> new TopicPartition(topic, p)).toList();
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        TopicScan.readAll(Map.of("bootstrap.servers", config.bootstrapServers()), partitions, r -> {
            if (Arrays.equals(wanted, r.key())) {
                out.add(r);
            }
        });
        return out;
    }
}
