package org.caseflow.streams.runtime.reference;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.caseflow.CaseflowException;
import org.caseflow.streams.domain.seeds.ReferenceData;
import org.caseflow.streams.domain.seeds.ReferencePublication;
import org.caseflow.streams.domain.seeds.Seeds;
import org.caseflow.streams.runtime.dlq.TopicScan;
import org.caseflow.streams.topology.ReferenceRecord;

/**
 * Publishes a validated version of reference data to {@code caseflow.reference-data} (issue 15): reads what the topic
 * holds (the chains in force), lets {@link ReferenceData#publish} refuse a version that is not newer, and writes the
 * key's new chain (the record carries every version still in force, see {@link ReferenceRecord}). A re-publish of the
 * version in force writes nothing. Two operators publishing the same key at the same moment are not arbitrated: the
 * later record wins (docs/operations.md says to publish from one place).
 */
public final class ReferencePublisher {
    /** What a publication did. */
    public enum Outcome { PUBLISHED, UNCHANGED }

    private final Map<String, Object> clientProps;
    private final String topic;
    private final Seeds seeds;
    private final Duration timeout;
    private final java.time.ZoneId liveZone;

    /** @param liveZone the engine's default court zone: the zone a court published live must have */
    public ReferencePublisher(Map<String, Object> clientProps, String topic, Seeds seeds, java.time.ZoneId liveZone,
            Duration timeout) {
        this.clientProps = clientProps;
        this.topic = topic;
        this.seeds = seeds;
        this.liveZone = liveZone;
        this.timeout = timeout;
    }

    /** The data in force: the seeds plus every valid chain on the topic (an invalid record is skipped, as live). */
    public ReferenceData read(List<String> problems) {
        ReferenceData[] data = {ReferenceData.of(seeds, liveZone)};
        List<TopicPartition> partitions = new ArrayList<>();
        try (Admin admin = Admin.create(clientProps)) {
            admin.describeTopics(List.of(topic)).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .get(topic).partitions().forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        } catch (ExecutionException e) {
            throw new CaseflowException("cannot describe " + topic + " (run caseflow topics): " + e.getCause().getMessage(),
                    e);
        } catch (InterruptedException | TimeoutException e) {
            throw new CaseflowException("cannot describe " + topic + ": " + e, e);
        }
        TopicScan.readAll(clientProps, partitions, record -> {
            String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
            if (key == null) {
                return;
            }
            try {
                data[0] = data[0].withChain(key, record.value() == null ? List.of()
                        : ReferenceRecord.decode(record.value()));
            } catch (RuntimeException e) {
                problems.add(key + " at offset " + record.offset() + ": " + e.getMessage());
            }
        });
        return data[0];
    }

    /** Publishes {@code p}; a refused version throws a {@code SeedException} naming the file and nothing is written. */
    public Outcome publish(ReferencePublication p) {
        ReferenceData before = read(new ArrayList<>());
        ReferenceData after = before.publish(p);
        if (after == before) {
            return Outcome.UNCHANGED;
        }
        Map<String, Object> props = new HashMap<>(clientProps);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) timeout.toMillis());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, p.key(),
                    ReferenceRecord.encode(after.chains().get(p.key())));
            // Headers for a reader of the topic (kafka-console-consumer); the value is what the app reads.
            record.headers().add("caseflow.reference.version", p.version().getBytes(StandardCharsets.UTF_8));
            record.headers().add("caseflow.reference.propagation",
                    p.propagation().code().getBytes(StandardCharsets.UTF_8));
            record.headers().add("caseflow.reference.file",
                    Path.of(p.file()).getFileName().toString().getBytes(StandardCharsets.UTF_8));
            producer.send(record).get(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new CaseflowException("cannot publish to " + topic + ": " + e.getCause().getMessage(), e);
        } catch (InterruptedException | TimeoutException e) {
            throw new CaseflowException("cannot publish to " + topic + ": " + e, e);
        }
        return Outcome.PUBLISHED;
    }
}
