package org.caseflow.streams.topology;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.caseflow.streams.topology.StoreKeys.SequenceKey;

/**
 * The event-time watermark across the three event inputs of a task, kept where order changes an output: at a local
 * midnight. Thresholds are crossed at local midnights, so the order of a task's records within one day changes no
 * alert (an event of the clock's own day is applied at the clock as is); a record that would move the clock into a
 * new day must not go before a record of another input dated before that midnight.
 *
 * <p>Kafka Streams (with {@code max.task.idle.ms} 0) already picks a task's next record by timestamp among the
 * records fetched and waits for records it knows to be on the broker; it does not wait for a record another input's
 * producer has not sent yet. Waiting for that in Kafka Streams ({@code max.task.idle.ms} &gt; 0) waits on every
 * input partition of the task, the feedback topics included (case links, acks), whose partitions empty after
 * nearly every record: the task stood still much of the time. So the wait is here, over the event inputs only, and
 * only where a producer can still be behind within the grace: a record stamped no earlier than {@code grace} before
 * the wall clock (a live or simulated feed) that would move the clock past a midnight waits, with every record of
 * the same input after it, until each other event input has delivered a record at or after its time, or has
 * delivered nothing for {@code grace} of wall time, or the record is {@code grace} old. A record already older than
 * that (a task catching up, a replay over Kafka) goes at once: Kafka Streams has ordered what is on the broker, and
 * holding it would only wait for inputs that are merely sparse; an earlier record a producer has still not sent is
 * late whatever we wait, and is applied as of its own time and counted (CaseProcessor). Released records go in
 * timestamp order, each input's in arrival order — the order of a replay over the same inputs.
 *
 * <p>Persistent ({@link StoreNames#ORDER_BARRIER}: zero-padded sequence → record, {@link InputRecordCodec}): a
 * waiting record's offset is committed with the transaction, so the record must survive a crash with it. Reads are
 * from memory: the store is written once and deleted once per waiting record, and the record cache makes that no
 * changelog record at all when both fall in one commit.
 */
final class OrderBarrier {
    /** A record waiting under its store key. */
    record Waiting(String seqKey, long seq, InputRecord input) {
    }

    private final KeyValueStore<String, byte[]> store;
    private final InputRecordCodec records = new InputRecordCodec();
    private final List<String> inputs;
    private final long graceMs;
    private final long startedMs;
    /** Waiting records of each input, in arrival order. */
    private final Map<String, ArrayDeque<Waiting>> queues = new LinkedHashMap<>();
    /** The latest record timestamp each input has delivered. */
    private final Map<String, Long> seen = new HashMap<>();
    /** Wall time each input last delivered a record. */
    private final Map<String, Long> lastDelivered = new HashMap<>();
    private long nextSeq;
    private int size;

    /**
     * Reads the records left waiting before a restart; {@code nowMs} (wall) counts as the last delivery of every
     * input, so a record crossing a midnight right after a start waits at most {@code grace} for the others.
     */
    OrderBarrier(KeyValueStore<String, byte[]> store, List<String> inputs, Duration grace, long nowMs) {
        this.store = store;
        this.inputs = List.copyOf(inputs);
        this.graceMs = grace.toMillis();
        this.startedMs = nowMs;
        inputs.forEach(topic -> queues.put(topic, new ArrayDeque<>()));
        try (KeyValueIterator<String, byte[]> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> kv = it.next();
                long seq = SequenceKey.decode(kv.key).sequence();
                InputRecord input = records.decode(kv.key, kv.value);
                queues.computeIfAbsent(input.topic(), t -> new ArrayDeque<>()).add(new Waiting(kv.key, seq, input));
                nextSeq = seq + 1;
                size++;
            }
        }
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** Notes that {@code topic} delivered a record stamped {@code timestamp} at wall time {@code nowMs}. */
    void delivered(String topic, long timestamp, long nowMs) {
        seen.merge(topic, timestamp, Math::max);
        lastDelivered.put(topic, nowMs);
    }

    /**
     * Whether a record stamped {@code timestamp} may still be overtaken at wall time {@code nowMs} by an earlier one
     * another input's producer has not sent yet (it is younger than the grace, or ahead of the wall clock).
     */
    boolean mayStillBeOvertaken(long timestamp, long nowMs) {
        return timestamp > nowMs - graceMs;
    }

    /** Whether a record of {@code topic} has to queue behind one of the same input that is waiting. */
    boolean hasWaiting(String topic) {
        ArrayDeque<Waiting> queue = queues.get(topic);
        return queue != null && !queue.isEmpty();
    }

    void add(InputRecord input) {
        long seq = nextSeq++;
        String key = new SequenceKey(seq).encode();
        store.put(key, InputRecordCodec.encode(input));
        queues.computeIfAbsent(input.topic(), t -> new ArrayDeque<>()).add(new Waiting(key, seq, input));
        size++;
    }

    /**
     * The next record to release at wall time {@code nowMs}, removed from the barrier, or null when the earliest
     * waiting record still waits. {@code crossesMidnight} tells whether a timestamp would move the clock into a new
     * day; a record that does not can go at once (it is the earliest waiting).
     */
    InputRecord release(long nowMs, LongPredicate crossesMidnight) {
        Waiting first = null;
        for (ArrayDeque<Waiting> queue : queues.values()) {
            Waiting head = queue.peekFirst();
            if (head != null && (first == null || head.input().timestamp() < first.input().timestamp()
                    || head.input().timestamp() == first.input().timestamp() && head.seq() < first.seq())) {
                first = head;
            }
        }
        if (first == null) {
            return null;
        }
        long at = first.input().timestamp();
        if (crossesMidnight.test(at) && mayStillBeOvertaken(at, nowMs) && !othersPassed(first.input().topic(), at, nowMs)) {
            return null;
        }
        queues.get(first.input().topic()).removeFirst();
        BlindDelete.from(store, first.seqKey());
        size--;
        return first.input();
    }

    /** Every other event input has delivered a record at or after {@code at}, or nothing for the grace period. */
    private boolean othersPassed(String topic, long at, long nowMs) {
        for (String other : inputs) {
            if (other.equals(topic)) {
                continue;
            }
            boolean passed = seen.getOrDefault(other, Long.MIN_VALUE) >= at;
            boolean silent = nowMs - lastDelivered.getOrDefault(other, startedMs) >= graceMs;
            if (!passed && !silent) {
                return false;
            }
        }
        return true;
    }
}
