package org.caseflow.streams.runtime.kafka;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;

/**
 * Clock ticks for {@code EVENT_TIME} mode: a record with a null value on an input topic moves the
 * event clock of the task that reads it (see the case processor), so the timers due by then fire even
 * on a partition where no more events arrive. A tick is addressed to a partition explicitly, because
 * every partition has its own task and clock; the key only names it in logs and dumps. A tick goes to every
 * partition of all three event inputs ({@link #sendToInputs}): it also tells the case processor's order barrier
 * that each input has reached its time, so a tick past a midnight does not wait out the grace for the inputs it
 * was not sent to.
 */
public final class ClockTicks {
    /** Key of a clock-tick record (never a caseId: case numbers start with a year in parentheses). */
    public static final String KEY = "__clock__";

    private ClockTicks() {
    }

    /** Sends one tick stamped {@code at} to every partition of each of {@code topics}; the futures of the sends. */
    public static <V> List<Future<RecordMetadata>> sendToInputs(Producer<String, V> producer, List<String> topics,
            Instant at) {
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        for (String topic : topics) {
            sends.addAll(send(producer, topic, at));
        }
        return sends;
    }

    /**
     * Sends one tick stamped {@code at} to every partition of {@code topic}; returns the futures of the
     * sends (the caller flushes and checks them).
     */
    public static <V> List<Future<RecordMetadata>> send(Producer<String, V> producer, String topic, Instant at) {
        List<PartitionInfo> partitions = producer.partitionsFor(topic);
        List<Future<RecordMetadata>> sends = new ArrayList<>(partitions.size());
        for (PartitionInfo partition : partitions) {
            sends.add(producer.send(new ProducerRecord<String, V>(topic, partition.partition(), at.toEpochMilli(), KEY, (V) null)));
        }
        return sends;
    }
}
