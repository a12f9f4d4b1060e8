package org.caseflow.streams.runtime.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.caseflow.streams.runtime.metrics.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the Streams error handlers find the app's meter registry: Kafka Streams instantiates them by
 * class name and hands them its config map, into which {@link StreamsProperties} puts the registry
 * object under {@link #REGISTRY_CONFIG}. A config entry (not a static) keeps two apps in one JVM apart.
 */
final class DeadLetterHandlers {
    static final String REGISTRY_CONFIG = "caseflow.metrics.registry";
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandlers.class);

    private DeadLetterHandlers() {
    }

    static MeterRegistry registry(Map<String, ?> configs) {
        Object registry = configs.get(REGISTRY_CONFIG);
        if (registry instanceof MeterRegistry meterRegistry) {
            return meterRegistry;
        }
        LOG.warn("no meter registry under {}: dead letters are not counted", REGISTRY_CONFIG);
        return new SimpleMeterRegistry();
    }

    static void count(MeterRegistry registry, String reason, String topic, int partition, long offset, Exception e) {
        Metrics.deadLetters(registry, reason).increment();
        LOG.warn("dead letter ({}): {}-{}@{}: {}", reason, topic, partition, offset, e.toString());
    }
}
