package org.caseflow.streams.runtime.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which of the Kafka client metrics Micrometer's Streams binder finds are exported (docs/operations.md, "Metrics
 * budget"). Always dropped: the consumer's deprecated per-partition duplicates, whose {@code topic} tag has the dots
 * of the topic name replaced by underscores (Kafka still reports both; summing them would count lag twice). At
 * recording level INFO also dropped: per store, per processor node, per record cache and per task-and-topic metrics,
 * which Kafka records only at DEBUG or which multiply with stores × partitions (5,600 series in the demo, most of them
 * constant); per broker-node and per topic client metrics, which grow with the cluster; the admin and restore
 * consumer clients. What the dashboards and rules use stays. At DEBUG everything else is exported, as asked.
 */
final class KafkaMeterFilter implements MeterFilter {
    private static final List<String> DROPPED_AT_INFO = List.of(
            "kafka.stream.state.", "kafka.stream.processor.node.", "kafka.stream.record.cache.",
            "kafka.stream.topic.", "kafka.stream.task.", "kafka.producer.topic.", "kafka.producer.node.",
            "kafka.consumer.node.", "kafka.admin.client.");
    /** Exceptions to {@link #DROPPED_AT_INFO}: thread-level restoration, and per-task progress and drops. */
    private static final Set<String> KEPT_AT_INFO = Set.of(
            "kafka.stream.task.process.total", "kafka.stream.task.dropped.records.total");
    private static final String KEPT_PREFIX_AT_INFO = "kafka.stream.state.updater.";
    private static final String FETCH = "kafka.consumer.fetch.manager.";
    private static final String LAG = "kafka.consumer.fetch.manager.records.lag";

    private final boolean curated;
    private final Set<String> deprecatedTopicTags;

    /**
     * @param recordingLevel Kafka Streams' metrics.recording.level: INFO exports the curated set
     * @param consumedTopics the topics the app's consumers read, whose deprecated tag forms are dropped
     */
    KafkaMeterFilter(String recordingLevel, Collection<String> consumedTopics) {
        this.curated = "INFO".equals(recordingLevel);
        this.deprecatedTopicTags = consumedTopics.stream().filter(t -> t.indexOf('.') >= 0)
                .map(t -> t.replace('.', '_')).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public MeterFilterReply accept(Meter.Id id) {
        String name = id.getName();
        if (!name.startsWith("kafka.")) {
            return MeterFilterReply.NEUTRAL;
        }
        String topic = id.getTag("topic");
        if (name.startsWith(FETCH) && topic != null && deprecatedTopicTags.contains(topic)) {
            return MeterFilterReply.DENY;
        }
        if (!curated) {
            return MeterFilterReply.NEUTRAL;
        }
        return keptAtInfo(name, topic, id.getTag("client.id")) ? MeterFilterReply.NEUTRAL : MeterFilterReply.DENY;
    }

    private static boolean keptAtInfo(String name, String topic, String clientId) {
        if (clientId != null && clientId.endsWith("-restore-consumer")) {
            return false;
        }
        if (name.startsWith(FETCH) && topic != null) {
            return name.equals(LAG); // per partition; the per-topic rates are covered by caseflow_events_total
        }
        if (KEPT_AT_INFO.contains(name) || name.startsWith(KEPT_PREFIX_AT_INFO)) {
            return true;
        }
        return DROPPED_AT_INFO.stream().noneMatch(name::startsWith);
    }
}
