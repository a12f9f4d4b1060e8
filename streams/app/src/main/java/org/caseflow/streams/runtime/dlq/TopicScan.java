package org.caseflow.streams.runtime.dlq;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.caseflow.CaseflowException;

/**
 * Reads partitions from their beginning to their current end, read_committed (what a transaction left open or
 * aborted is not seen), without a consumer group: nothing is committed and no other reader is disturbed.
 */
public final class TopicScan {
    /** Give up when the position has not moved for this long (a broker gone), rather than wait for ever. */
    static final Duration STALL = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(500);

    private TopicScan() {
    }

    /** Every committed record of {@code partitions} up to their end offsets at the start, in offset order per partition. */
    public static void readAll(Map<String, Object> clientProps, Collection<TopicPartition> partitions,
            Consumer<ConsumerRecord<byte[], byte[]>> sink) {
        if (partitions.isEmpty()) {
            return;
        }
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProps(clientProps),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> assigned = List.copyOf(partitions);
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned);
            long lastProgress = System.nanoTime();
            long behind = remaining(consumer, assigned, end);
            while (behind > 0) {
                consumer.poll(POLL).forEach(sink);
                long now = remaining(consumer, assigned, end);
                if (now < behind) {
                    behind = now;
                    lastProgress = System.nanoTime();
                } else if (System.nanoTime() - lastProgress > STALL.toNanos()) {
                    throw new CaseflowException("could not read " + assigned + " to its end: no progress for "
                            + STALL.toSeconds() + " s with " + now + " records left");
                }
            }
        }
    }

    private static long remaining(KafkaConsumer<?, ?> consumer, List<TopicPartition> partitions,
            Map<TopicPartition, Long> end) {
        long left = 0;
        for (TopicPartition p : partitions) {
            left += Math.max(0, end.get(p) - consumer.position(p));
        }
        return left;
    }

    private static Map<String, Object> consumerProps(Map<String, Object> clientProps) {
        Map<String, Object> props = new HashMap<>(clientProps);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        return props;
    }
}
