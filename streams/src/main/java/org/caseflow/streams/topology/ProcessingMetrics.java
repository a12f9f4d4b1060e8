package org.caseflow.streams.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The topology's own meters, in Prometheus conventions once exported: {@code caseflow_events_total
 * {topic,type,outcome}}, {@code caseflow_dead_letters_total{reason}}, {@code caseflow_alerts_total
 * {level,status}}, {@code caseflow_tick_duration_seconds}, {@code caseflow_event_lag_seconds}. Label
 * values come from small fixed sets (never case ids), so the series count stays bounded.
 */
public final class ProcessingMetrics {
    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Timer tick;
    private final Timer lag;

    public ProcessingMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.tick = Timer.builder("caseflow.tick.duration")
                .description("Time one deadline tick spends firing due timers")
                .publishPercentileHistogram()
                .register(registry);
        this.lag = Timer.builder("caseflow.event.lag")
                .description("Wall clock minus event time when an event is processed")
                .publishPercentileHistogram()
                .register(registry);
    }

    /** The registry these meters live in; the indicator gauges register there too. */
    public MeterRegistry registry() {
        return registry;
    }

    public void event(String topic, String type, String outcome) {
        counter("caseflow.events", "topic", topic, "type", type, "outcome", outcome).increment();
    }

    public void deadLetter(String reason) {
        counter("caseflow.dead.letters", "reason", reason).increment();
    }

    public void alert(String level, String status) {
        counter("caseflow.alerts", "level", level, "status", status).increment();
    }

    /** A compliance flag newly raised on a case's deadline (e.g. EXTENSION_WRONG_APPROVER), by code. */
    public void deadlineFlag(String code) {
        counter("caseflow.deadline.flags", "flag", code).increment();
    }

    public void timersFired(int n) {
        counter("caseflow.timers.fired").increment(n);
    }

    /** An input record held back on event time while due timers drain (CaseProcessor). */
    public void held() {
        counter("caseflow.events.held").increment();
    }

    /** An event applied as of its own time because the clock had passed its day (CaseProcessor). */
    public void late(String topic) {
        counter("caseflow.events.late", "topic", topic).increment();
    }

    public void tick(Duration took) {
        tick.record(took);
    }

    public void lag(Duration behind) {
        if (!behind.isNegative()) {
            lag.record(behind);
        }
    }

    private Counter counter(String name, String... tags) {
        String id = name + String.join("\u0000", tags);
        return counters.computeIfAbsent(id, k -> Counter.builder(name).tags(tags).register(registry));
    }
}
