package org.caseflow.streams.runtime.config;

import java.util.Map;
import org.caseflow.streams.topology.TopicNames;

/**
 * The topics Caseflow creates and names: {@code caseflow.topic.prefix}, {@code caseflow.topic.partitions},
 * {@code caseflow.topic.replication} and {@code caseflow.topic.retention.inputs.ms} /
 * {@code caseflow.topic.retention.outputs.ms}.
 */
public record TopicSettings(String prefix, int partitions, short replicationFactor, long inputRetentionMs,
        long outputRetentionMs) {

    static TopicSettings parse(DefinedConfig c) {
        return new TopicSettings(c.text(ConfigKeys.TOPIC_PREFIX), c.integer(ConfigKeys.TOPIC_PARTITIONS),
                (short) c.integer(ConfigKeys.TOPIC_REPLICATION), c.number(ConfigKeys.TOPIC_RETENTION_INPUTS_MS),
                c.number(ConfigKeys.TOPIC_RETENTION_OUTPUTS_MS));
    }

    /** The topic names under this prefix. */
    public TopicNames names() {
        return new TopicNames(prefix);
    }

    void putSettings(Map<String, String> s) {
        s.put(ConfigKeys.TOPIC_PREFIX, prefix);
        s.put(ConfigKeys.TOPIC_PARTITIONS, String.valueOf(partitions));
        s.put(ConfigKeys.TOPIC_REPLICATION, String.valueOf(replicationFactor));
        s.put(ConfigKeys.TOPIC_RETENTION_INPUTS_MS, String.valueOf(inputRetentionMs));
        s.put(ConfigKeys.TOPIC_RETENTION_OUTPUTS_MS, String.valueOf(outputRetentionMs));
    }
}
