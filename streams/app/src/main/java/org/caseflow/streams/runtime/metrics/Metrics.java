package org.caseflow.streams.runtime.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.kafka.streams.KafkaStreams;
import org.caseflow.streams.runtime.config.CaseflowConfig;

/**
 * The process's meter registry (Prometheus) and the meters the runtime owns. Micrometer names are
 * dotted and become Prometheus snake_case on scrape: counter {@code caseflow.dead.letters} is exported
 * as {@code caseflow_dead_letters_total}. docs/operations.md lists every series.
 */
public final class Metrics {
    /** Counter, tag {@code reason}: every record sent to the dead-letter topic. */
    public static final String DEAD_LETTERS = "caseflow.dead.letters";
    /** Counter names the topology registers (read by the demo summary). */
    public static final String EVENTS = "caseflow.events";
    public static final String ALERTS = "caseflow.alerts";
    public static final String CASES_OPEN = "caseflow.cases.open";

    private Metrics() {
    }

    /** A Prometheus registry with the JVM binders (memory, GC, threads, class loading, CPU, uptime). */
    public static PrometheusMeterRegistry newRegistry() {
        return withJvmBinders(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    /**
     * {@link #newRegistry()} with the Kafka client metrics {@code config} asks for ({@link KafkaMeterFilter}): the
     * filter is in place before any Kafka meter is bound, as Micrometer wants.
     */
    public static PrometheusMeterRegistry newRegistry(CaseflowConfig config) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        List<String> consumed = new ArrayList<>(config.topics().names().inputs());
        consumed.addAll(config.topics().names().readBack());
        registry.config().meterFilter(new KafkaMeterFilter(config.streams().metricsRecordingLevel(), consumed));
        return withJvmBinders(registry);
    }

    private static PrometheusMeterRegistry withJvmBinders(PrometheusMeterRegistry registry) {
        new JvmMemoryMetrics().bindTo(registry);
        // JvmGcMetrics keeps a notification listener; it lives as long as the process (one registry per process).
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return registry;
    }

    /**
     * Binds Kafka Streams' own metrics (threads, clients; tasks/stores at recording level DEBUG), each tagged
     * {@code group} = the application id, which is the main consumers' group: lag panels group by it.
     */
    public static KafkaStreamsMetrics bindStreams(MeterRegistry registry, KafkaStreams streams, String applicationId) {
        KafkaStreamsMetrics binder = new KafkaStreamsMetrics(streams, Tags.of("group", applicationId));
        binder.bindTo(registry);
        return binder;
    }

    /** {@code caseflow_ready}: 1 while the instance answers /health/ready with 200, else 0. */
    public static void bindReadiness(MeterRegistry registry, BooleanSupplier ready) {
        Gauge.builder("caseflow.ready", ready, r -> r.getAsBoolean() ? 1 : 0)
                .description("1 while the instance is ready (GET /health/ready answers 200), else 0")
                .strongReference(true)
                .register(registry);
    }

    public static Counter deadLetters(MeterRegistry registry, String reason) {
        return Counter.builder(DEAD_LETTERS)
                .description("Records sent to the dead-letter topic, by reason")
                .tag("reason", reason)
                .register(registry);
    }
}
