package org.caseflow.streams.runtime.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.caseflow.CaseflowException;

/**
 * What the bench asks the cluster: end offsets of topics, how far a consumer group has committed, which topics
 * a run created. Reads only (the admin client is the caller's).
 */
final class BenchCluster {
    private final Admin admin;

    BenchCluster(Admin admin) {
        this.admin = admin;
    }

    /** Every topic whose name starts with one of the prefixes. */
    Set<String> topicsStartingWith(String... prefixes) {
        return get(() -> admin.listTopics().names().get()).stream()
                .filter(t -> java.util.Arrays.stream(prefixes).anyMatch(t::startsWith)).collect(Collectors.toSet());
    }

    /** End offset of every partition of the topics (log end: data records and transaction markers). */
    Map<TopicPartition, Long> endOffsets(Set<String> topics) {
        if (topics.isEmpty()) {
            return Map.of();
        }
        Map<String, TopicDescription> described = get(() -> admin.describeTopics(topics).allTopicNames().get());
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        described.forEach((name, d) -> d.partitions().forEach(p ->
                request.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result =
                get(() -> admin.listOffsets(request).all().get());
        Map<TopicPartition, Long> ends = new HashMap<>();
        result.forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    /**
     * Records appended to each topic since {@code before} (end offsets, so transaction markers count too), keyed by the
     * topic's name less {@code prefix}, in name order; topics created since count from 0.
     */
    Map<String, Long> appendedSince(Map<TopicPartition, Long> before, Set<String> topics, String prefix) {
        Map<String, Long> perTopic = new java.util.TreeMap<>();
        endOffsets(topics).forEach((tp, end) -> perTopic.merge(tp.topic().substring(prefix.length()),
                end - before.getOrDefault(tp, 0L), Long::sum));
        return perTopic;
    }

    static long sum(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Records the group has not committed yet on the topics (end offset minus committed, summed). */
    long lag(String group, Set<String> topics) {
        Map<TopicPartition, Long> ends = endOffsets(topics);
        Map<TopicPartition, OffsetAndMetadata> committed = committed(group);
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            OffsetAndMetadata c = committed.get(end.getKey());
            lag += end.getValue() - (c == null ? 0 : c.offset());
        }
        return lag;
    }

    /** Sum of the group's committed offsets over the topics. */
    long committedSum(String group, Set<String> topics) {
        return committed(group).entrySet().stream().filter(e -> topics.contains(e.getKey().topic()))
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    private Map<TopicPartition, OffsetAndMetadata> committed(String group) {
        return get(() -> admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get());
    }

    /** The subset of {@code topics} a group reads (its committed partitions). */
    Set<String> consumedBy(String group) {
        return get(() -> admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()).keySet()
                .stream().map(TopicPartition::topic).collect(Collectors.toSet());
    }

    static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }

    private interface Call<T> {
        T call() throws InterruptedException, ExecutionException;
    }

    private static <T> T get(Call<T> call) {
        try {
            return call.call();
        } catch (ExecutionException e) {
            throw new CaseflowException("bench: cluster request failed: " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CaseflowException("bench: interrupted", e);
        }
    }
}
