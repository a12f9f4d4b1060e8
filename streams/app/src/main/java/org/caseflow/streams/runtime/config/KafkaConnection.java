package org.caseflow.streams.runtime.config;

import java.time.Duration;
import java.util.Map;

/**
 * How Caseflow waits for and watches its broker: {@code caseflow.kafka.connect.timeout.ms},
 * {@code caseflow.kafka.unreachable.timeout.ms}, {@code caseflow.readiness.max.lag} and
 * {@code caseflow.readiness.check.interval.ms}. The Kafka client properties themselves are
 * {@link CaseflowConfig#kafka}.
 */
public record KafkaConnection(Duration connectTimeout, Duration unreachableTimeout, long readinessMaxLag,
        Duration readinessCheckInterval) {

    static KafkaConnection parse(DefinedConfig c) {
        return new KafkaConnection(c.millis(ConfigKeys.KAFKA_CONNECT_TIMEOUT_MS),
                c.millis(ConfigKeys.KAFKA_UNREACHABLE_TIMEOUT_MS), c.number(ConfigKeys.READINESS_MAX_LAG),
                c.millis(ConfigKeys.READINESS_CHECK_INTERVAL_MS));
    }

    void putSettings(Map<String, String> s) {
        s.put(ConfigKeys.KAFKA_CONNECT_TIMEOUT_MS, String.valueOf(connectTimeout.toMillis()));
        s.put(ConfigKeys.KAFKA_UNREACHABLE_TIMEOUT_MS, String.valueOf(unreachableTimeout.toMillis()));
        s.put(ConfigKeys.READINESS_MAX_LAG, String.valueOf(readinessMaxLag));
        s.put(ConfigKeys.READINESS_CHECK_INTERVAL_MS, String.valueOf(readinessCheckInterval.toMillis()));
    }
}
