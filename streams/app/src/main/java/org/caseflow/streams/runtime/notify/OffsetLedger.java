package org.caseflow.streams.runtime.notify;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The records read and not yet done, per partition in offset order, and the offsets that may be committed: per
 * partition, the first offset not done (everything below it is delivered or dead-lettered). Records finish out of
 * order (different cases, different endpoints); the committed offset only moves over an unbroken run of finished ones,
 * so a crash re-delivers everything from the first unfinished record on, never skips one.
 *
 * <p>The loop thread adds records and asks for offsets; delivery threads mark records done ({@link Pending#done()}).
 */
final class OffsetLedger {
    /** One record being delivered. */
    static final class Pending {
        private static final int OPEN = 0;
        private static final int DONE = 1;
        private static final int FORGOTTEN = 2;

        private final long offset;
        private final AtomicInteger inFlight;
        private final AtomicInteger state = new AtomicInteger(OPEN);

        private Pending(long offset, AtomicInteger inFlight) {
            this.offset = offset;
            this.inFlight = inFlight;
        }

        /** Every delivery of the record has ended (delivered or dead-lettered). */
        void done() {
            if (state.compareAndSet(OPEN, DONE)) {
                inFlight.decrementAndGet();
            }
        }

        private boolean isDone() {
            return state.get() == DONE;
        }

        private void forget() {
            if (state.compareAndSet(OPEN, FORGOTTEN)) {
                inFlight.decrementAndGet();
            }
        }
    }

    private final Map<TopicPartition, ArrayDeque<Pending>> pending = new HashMap<>();
    /** Next offset to commit per partition: one past the last record read while everything before it is done. */
    private final Map<TopicPartition, Long> next = new HashMap<>();
    private final Map<TopicPartition, Long> committed = new HashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();

    /** A record read (in offset order per partition); mark it {@link Pending#done()} when its deliveries end. */
    Pending read(TopicPartition tp, long offset) {
        Pending p = new Pending(offset, inFlight);
        inFlight.incrementAndGet();
        pending.computeIfAbsent(tp, k -> new ArrayDeque<>()).addLast(p);
        next.putIfAbsent(tp, offset);
        return p;
    }

    /** Records read and not done, over all partitions. */
    int inFlight() {
        return inFlight.get();
    }

    /** Per partition, the first offset not done, where it moved since the last {@link #committedUpTo}. */
    Map<TopicPartition, OffsetAndMetadata> committable() {
        Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
        pending.forEach((tp, queue) -> {
            long position = next.get(tp);
            while (!queue.isEmpty() && queue.peekFirst().isDone()) {
                position = queue.pollFirst().offset + 1;
            }
            if (!queue.isEmpty()) {
                position = queue.peekFirst().offset;
            }
            next.put(tp, position);
            Long last = committed.get(tp);
            if (last == null || last < position) {
                out.put(tp, new OffsetAndMetadata(position));
            }
        });
        return out;
    }

    /** The offsets were committed (or handed to an asynchronous commit). */
    void committedUpTo(Map<TopicPartition, OffsetAndMetadata> offsets) {
        offsets.forEach((tp, o) -> committed.merge(tp, o.offset(), Math::max));
    }

    /**
     * Partitions no longer ours: their records still being delivered finish, but are no longer counted here or
     * committed (the new owner delivers them again from the last commit, with the same keys).
     */
    void forget(Collection<TopicPartition> partitions) {
        for (TopicPartition tp : partitions) {
            ArrayDeque<Pending> queue = pending.remove(tp);
            if (queue != null) {
                queue.forEach(Pending::forget);
            }
            next.remove(tp);
            committed.remove(tp);
        }
    }
}
