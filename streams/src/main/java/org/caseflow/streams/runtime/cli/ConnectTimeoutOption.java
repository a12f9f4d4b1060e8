package org.caseflow.streams.runtime.cli;

import java.util.Map;
import org.caseflow.streams.runtime.config.ConfigKeys;
import picocli.CommandLine.Option;

/** {@code --connect-timeout SECONDS} of the commands that talk to Kafka: overrides caseflow.kafka.connect.timeout.ms. */
final class ConnectTimeoutOption {
    @Option(names = "--connect-timeout", paramLabel = "SECONDS",
            description = "Give up when no Kafka broker answers within this time, naming the servers "
                    + "(default: caseflow.kafka.connect.timeout.ms, 10 s).")
    Integer seconds;

    /** Puts the option, when given, among the configuration overrides (validated with the rest: 1..600 s). */
    void addTo(Map<String, String> overrides) {
        if (seconds != null) {
            overrides.put(ConfigKeys.KAFKA_CONNECT_TIMEOUT_MS, String.valueOf(seconds * 1000L));
        }
    }
}
