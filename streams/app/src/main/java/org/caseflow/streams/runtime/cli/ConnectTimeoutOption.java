package org.caseflow.streams.runtime.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.caseflow.streams.runtime.config.ConfigKeys;
import picocli.CommandLine.Option;

/** {@code --connect-timeout SECONDS} of the commands that talk to Kafka: overrides caseflow.kafka.connect.timeout.ms. */
final class ConnectTimeoutOption {
    @Option(names = "--connect-timeout", paramLabel = "SECONDS",
            description = "Give up when no Kafka broker answers within this time, naming the servers "
                    + "(default: caseflow.kafka.connect.timeout.ms, 10 s).")
    Integer seconds;

    /**
     * The configuration overrides of a command that talks to Kafka: its {@code --bootstrap-servers} and
     * {@code --topic-prefix} (each when given) and this option.
     */
    Map<String, String> overrides(String bootstrapServers, String topicPrefix) {
        Map<String, String> overrides = new LinkedHashMap<>();
        if (bootstrapServers != null) {
            overrides.put(ConfigKeys.KAFKA_PREFIX + "bootstrap.servers", bootstrapServers);
        }
        if (topicPrefix != null) {
            overrides.put(ConfigKeys.TOPIC_PREFIX, topicPrefix);
        }
        addTo(overrides);
        return overrides;
    }

    /** Puts the option, when given, among the configuration overrides (validated with the rest: 1..600 s). */
    void addTo(Map<String, String> overrides) {
        if (seconds != null) {
            overrides.put(ConfigKeys.KAFKA_CONNECT_TIMEOUT_MS, String.valueOf(seconds * 1000L));
        }
    }
}
