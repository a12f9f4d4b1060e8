package org.caseflow.streams.runtime.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.caseflow.streams.runtime.metrics.Metrics;
import org.caseflow.streams.topology.DeadLetterHeaders;
import org.caseflow.streams.topology.DeadLetters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the Streams error handlers share. Where they find the app's meter registry: Kafka Streams instantiates them
 * by class name and hands them its config map, into which {@link StreamsProperties} puts the registry object under
 * {@link #REGISTRY_CONFIG}; a config entry (not a static) keeps two apps in one JVM apart. And the
 * {@code caseflow.dlq.*} header set ({@link DeadLetters}), added to the dead letters Kafka builds with its own
 * {@code __streams.errors.*} headers, so every dead letter reads the same whichever path wrote it.
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

    /**
     * Adds the {@code caseflow.dlq.*} set to the dead letters Kafka built for the record of {@code context}.
     *
     * @param eventId null when unknown
     */
    static List<ProducerRecord<byte[], byte[]>> labelled(List<ProducerRecord<byte[], byte[]>> records,
            ErrorHandlerContext context, String reason, Exception e, String eventId) {
        for (ProducerRecord<byte[], byte[]> record : records) {
            // Kafka's dead letter carries the source record's raw value; without one (a punctuation) nothing arrived.
            DeadLetters.ValueForm form = context.sourceRawValue() != null || record.value() != null
                    ? DeadLetters.ValueForm.ORIGINAL : DeadLetters.ValueForm.INTERNAL;
            new DeadLetterHeaders(reason, detail(e), new DeadLetters.Source(context.topic(), context.partition(),
                    context.offset()), context.timestamp(), eventId, form, Instant.now()).addTo(record.headers());
        }
        return records;
    }

    /** The exception in words: its message, which for a decoding failure starts with the kind of failure. */
    static String detail(Exception e) {
        return e.getMessage() == null ? e.getClass().getName() : e.getMessage();
    }
}
