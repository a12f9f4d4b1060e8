package org.caseflow.streams.runtime.app;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * How many records this instance is behind: for every source partition of its active tasks (the input topics and
 * the internal topics it reads back), the committed end of the log ({@code read_committed}, as the app reads)
 * minus the group's committed offset, or minus the log start when nothing is committed yet. Transaction markers
 * count as records here, so an instance that is caught up may show a few.
 */
final class InputLag {
    private final Admin admin;
    private final String groupId;
    private final Duration timeout;

    InputLag(Admin admin, String groupId, Duration timeout) {
        this.admin = admin;
        this.groupId = groupId;
        this.timeout = timeout;
    }

    long measure(Set<TopicPartition> partitions) throws ExecutionException, InterruptedException, TimeoutException {
        if (partitions.isEmpty()) {
            return 0;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest());
        Set<TopicPartition> uncommitted = partitions.stream()
                .filter(p -> committed.get(p) == null).collect(Collectors.toSet());
        Map<TopicPartition, Long> starts = uncommitted.isEmpty() ? Map.of() : offsets(uncommitted, OffsetSpec.earliest());
        Map<TopicPartition, Long> positions = new HashMap<>(starts);
        committed.forEach((p, offset) -> {
            if (offset != null) {
                positions.put(p, offset.offset());
            }
        });
        return behind(partitions, positions, ends);
    }

    /** Sum over the partitions of end minus position, never negative; a partition without an end counts 0. */
    static long behind(Set<TopicPartition> partitions, Map<TopicPartition, Long> positions,
            Map<TopicPartition, Long> ends) {
        long total = 0;
        for (TopicPartition p : partitions) {
            Long end = ends.get(p);
            if (end != null) {
                total += Math.max(0, end - positions.getOrDefault(p, 0L));
            }
        }
        return total;
    }

    private Map<TopicPartition, Long> offsets(Set<TopicPartition> partitions, OffsetSpec spec)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(p -> request.put(p, spec));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = admin.listOffsets(request,
                new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        result.forEach((p, info) -> offsets.put(p, info.offset()));
        return offsets;
    }
}
