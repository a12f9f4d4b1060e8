package org.caseflow.streams.runtime.dlq;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Utils;
import org.caseflow.CaseflowException;
import org.caseflow.streams.topology.DeadLetters;

/**
 * Re-publishes dead letters to their source topic with their key and value bytes, idempotently. Each copy carries
 * {@link DeadLetters#REPUBLISHED_FROM} = the dead letter's {@code <partition>:<offset>}; before sending, the target
 * partitions are read (read_committed) and a dead letter whose copy is already there is skipped, so running the same
 * command again publishes nothing twice. The copies go out in one transaction under a fixed transactional id, and
 * the producer is initialised (which fences and aborts any earlier run of it still open) before the target is read:
 * two runs at once cannot both miss each other's copies, the later one fences the other.
 *
 * <p>A copy goes to the partition the default partitioner gives its key (where the inputs' co-partitioning wants a
 * case), or for a record without a key the partition it came from. The check sees the copies still in the target
 * topic: a copy already deleted by the topic's retention is not seen.
 */
public final class Republisher {
    private final Map<String, Object> clientProps;
    private final String transactionalId;

    /** What became of one chosen dead letter. */
    public record Outcome(DeadLetter letter, Kind kind, String detail) {
        /** Republished now, copy already in the target (nothing sent), or cannot be re-published. */
        public enum Kind { REPUBLISHED, ALREADY_REPUBLISHED, CANNOT }
    }

    public Republisher(Map<String, Object> clientProps, String transactionalId) {
        this.clientProps = Map.copyOf(clientProps);
        this.transactionalId = transactionalId;
    }

    /** Re-publishes {@code chosen}; one outcome per dead letter, in the order given. */
    public List<Outcome> republish(List<DeadLetter> chosen) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps(), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.initTransactions();
            Map<String, Outcome> outcomes = new HashMap<>();
            Map<String, TopicPartition> targets = new LinkedHashMap<>();
            for (DeadLetter letter : chosen) {
                String problem = problem(letter);
                TopicPartition target = problem == null ? target(producer, letter) : null;
                if (target == null) {
                    outcomes.put(letter.id(), new Outcome(letter, Outcome.Kind.CANNOT, problem != null ? problem
                            : "source topic " + letter.headers().source().topic() + " is not available"));
                } else {
                    targets.put(letter.id(), target);
                }
            }
            Map<String, TopicPartition> already = alreadyRepublished(Set.copyOf(targets.values()));
            List<ProducerRecord<byte[], byte[]>> copies = new ArrayList<>();
            for (DeadLetter letter : chosen) {
                TopicPartition at = targets.get(letter.id());
                if (at == null) {
                    continue;
                }
                if (already.containsKey(letter.id())) {
                    outcomes.put(letter.id(), new Outcome(letter, Outcome.Kind.ALREADY_REPUBLISHED, "copy already in "
                            + already.get(letter.id())));
                } else {
                    copies.add(copy(letter, at));
                    outcomes.put(letter.id(), new Outcome(letter, Outcome.Kind.REPUBLISHED, "to " + at));
                }
            }
            send(producer, copies);
            return chosen.stream().map(letter -> outcomes.get(letter.id())).toList();
        }
    }

    /** Where the copy of {@code letter} goes, or null when its source topic cannot be found. */
    private static TopicPartition target(KafkaProducer<byte[], byte[]> producer, DeadLetter letter) {
        String topic = letter.headers().source().topic();
        try {
            return new TopicPartition(topic, partition(letter, producer.partitionsFor(topic).size()));
        } catch (KafkaException e) {
            return null;
        }
    }

    /** Why a dead letter cannot go back to a source topic, or null. */
    private static String problem(DeadLetter letter) {
        if (letter.headers().source().topic() == null) {
            return "no source topic (" + DeadLetters.SOURCE_TOPIC + ")";
        }
        return letter.value() == null ? "no value to re-publish" : null;
    }

    /** The default partitioner's choice for a key; the source partition (if it exists there) for no key. */
    static int partition(DeadLetter letter, int partitions) {
        if (letter.key() != null) {
            return Utils.toPositive(Utils.murmur2(letter.key())) % partitions;
        }
        int source = letter.headers().source().partition();
        return source >= 0 && source < partitions ? source : 0;
    }

    private static ProducerRecord<byte[], byte[]> copy(DeadLetter letter, TopicPartition at) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetters.REPUBLISHED_FROM, letter.id().getBytes(StandardCharsets.UTF_8));
        long timestamp = letter.headers().sourceTimestamp();
        return new ProducerRecord<>(at.topic(), at.partition(), timestamp >= 0 ? timestamp : null, letter.key(),
                letter.value(), headers);
    }

    /** Dead letters (by id) whose copy is already in one of {@code partitions}, with where it is. */
    private Map<String, TopicPartition> alreadyRepublished(Set<TopicPartition> partitions) {
        Map<String, TopicPartition> found = new HashMap<>();
        TopicScan.readAll(clientProps, partitions, record -> {
            for (Header header : record.headers().headers(DeadLetters.REPUBLISHED_FROM)) {
                found.put(new String(header.value(), StandardCharsets.UTF_8),
                        new TopicPartition(record.topic(), record.partition()));
            }
        });
        return found;
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, List<ProducerRecord<byte[], byte[]>> copies) {
        if (copies.isEmpty()) {
            return;
        }
        producer.beginTransaction();
        try {
            for (ProducerRecord<byte[], byte[]> copy : copies) {
                producer.send(copy);
            }
            producer.commitTransaction();
        } catch (KafkaException e) {
            // Fenced by a later run, or a send failed: nothing of this run is visible; the command can be run again.
            try {
                producer.abortTransaction();
            } catch (KafkaException ignored) {
                // fenced producers cannot abort; the broker aborts the open transaction for us
            }
            throw new CaseflowException("re-publishing failed, nothing was published: " + e.getMessage(), e);
        }
    }

    private Map<String, Object> producerProps() {
        Map<String, Object> props = new HashMap<>(clientProps);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        props.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Duration.ofMinutes(2).toMillis());
        return props;
    }
}
