package org.caseflow.streams.runtime.kafka;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.TopicConfig;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.topology.TopicNames;

/**
 * The wanted shape of one topic (DESIGN.md section 4).
 *
 * @param replicationFactor empty = the cluster's {@code default.replication.factor}
 * @param configs           topic-level configs that must hold (cleanup policy, retention)
 */
public record TopicSpec(String name, int partitions, Optional<Short> replicationFactor, Map<String, String> configs) {
    public TopicSpec {
        configs = Map.copyOf(configs);
    }

    /** Every Caseflow topic: inputs and outputs share the partition count so keys stay co-located. */
    public static List<TopicSpec> all(CaseflowConfig config) {
        TopicNames names = config.topics().names();
        Optional<Short> replication = config.topics().replicationFactor() > 0
                ? Optional.of(config.topics().replicationFactor()) : Optional.empty();
        List<TopicSpec> specs = new ArrayList<>();
        for (String name : names.all()) {
            Map<String, String> configs = new LinkedHashMap<>();
            if (names.compacted().contains(name)) {
                configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
            } else {
                configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
                // Topics the app reads back (inputs, links, facts, deltas) are its source of truth: input retention.
                boolean readBack = names.inputs().contains(name) || names.readBack().contains(name);
                long retention = readBack ? config.topics().inputRetentionMs() : config.topics().outputRetentionMs();
                configs.put(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(retention));
                if (!readBack) {
                    // Output records carry event time (an alert of a replayed 2025 storm is stamped 2025): with
                    // create time the broker deletes them at its next retention check, before any consumer reads
                    // them. Retention counts from when they were written; the event time is in the payload.
                    configs.put(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime");
                }
            }
            specs.add(new TopicSpec(name, config.topics().partitions(), replication, configs));
        }
        return specs;
    }
}
