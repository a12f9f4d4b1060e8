package org.caseflow.streams.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The topology's own meters, in Prometheus conventions once exported: {@code caseflow_events_total
 * {topic,type,outcome}}, {@code caseflow_dead_letters_total{reason}}, {@code caseflow_alerts_total
 * {level,status}}, {@code caseflow_tick_duration_seconds}, {@code caseflow_event_lag_seconds},
 * {@code caseflow_indicator_flush_duration_seconds}, {@code caseflow_tick_interval_seconds}. Label values come from
 * small fixed sets (never case ids), so the series count stays bounded; the known ones are registered at 0 up
 * front ({@link MetricLabels}). The histograms have a dozen fixed buckets each rather than Micrometer's ~70
 * percentile buckets: enough for a p99 panel, and 170 fewer series in the metrics budget.
 */
public final class ProcessingMetrics {
    private static final Duration[] TICK_BUCKETS = millis(1, 5, 10, 25, 50, 100, 200, 500, 1_000, 2_500, 5_000);
    private static final Duration[] FLUSH_BUCKETS = millis(1, 5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000);
    /** Live: seconds to days behind the wall clock. On event time: how far out of order, in simulated time. */
    private static final Duration[] LAG_BUCKETS = {Duration.ofSeconds(1), Duration.ofSeconds(10),
        Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1),
        Duration.ofHours(6), Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(30)};

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Timer tick;
    private final Timer lag;
    private final Timer flush;

    public ProcessingMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.tick = Timer.builder("caseflow.tick.duration")
                .description("Wall time of one step of deadline timer work (a punctuation, or the timers fired"
                        + " before an event on event time)")
                .serviceLevelObjectives(TICK_BUCKETS)
                .register(registry);
        this.lag = Timer.builder("caseflow.event.lag")
                .description("The processing clock minus the event's occurredAt when an event is applied: the wall"
                        + " clock live; on event time the event clock (how far out of order the event arrived)")
                .serviceLevelObjectives(LAG_BUCKETS)
                .register(registry);
        this.flush = Timer.builder("caseflow.indicator.flush.duration")
                .description("Wall time of one indicator flush (computing and publishing the dirty periods)")
                .serviceLevelObjectives(FLUSH_BUCKETS)
                .register(registry);
        registerKnownLabels();
    }

    /** The registry these meters live in; the indicator gauges register there too. */
    public MeterRegistry registry() {
        return registry;
    }

    /**
     * The configured tick interval as {@code caseflow_tick_interval_seconds}, and each input topic's event types at
     * 0 ({@code outcome="applied"}): what the rules and panels compare against from start-up.
     */
    void describeTopology(TopologySettings settings) {
        Gauge.builder("caseflow.tick.interval", settings.tickInterval(), d -> d.toNanos() / 1e9)
                .description("Configured interval of the deadline tick (caseflow.tick.interval.ms)")
                .baseUnit("seconds")
                .strongReference(true)
                .register(registry);
        TopicNames topics = settings.topics();
        Map<String, String> inputs = Map.of("filings", topics.caseFilings(), "hearings", topics.caseHearings(),
                "enforcement", topics.enforcement());
        MetricLabels.TYPES_BY_INPUT.forEach((input, types) -> {
            for (String type : types) {
                counter("caseflow.events", "topic", inputs.get(input), "type", type, "outcome", "applied");
            }
            counter("caseflow.events.late", "topic", inputs.get(input));
        });
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

    /** A record that waited at a local midnight for the other event inputs (OrderBarrier). */
    public void orderHeld() {
        counter("caseflow.events.order.held").increment();
    }

    /** An event applied as of its own time because the clock had passed its day (CaseProcessor). */
    public void late(String topic) {
        counter("caseflow.events.late", "topic", topic).increment();
    }

    public void tick(Duration took) {
        tick.record(took);
    }

    /** How far behind the processing clock an event is applied; an event from the future counts as 0. */
    public void lag(Duration behind) {
        lag.record(behind.isNegative() ? Duration.ZERO : behind);
    }

    public void indicatorFlush(Duration took) {
        flush.record(took);
    }

    private void registerKnownLabels() {
        MetricLabels.DEAD_LETTER_REASONS.forEach(reason -> counter("caseflow.dead.letters", "reason", reason));
        for (String level : MetricLabels.ALERT_LEVELS) {
            for (String status : MetricLabels.ALERT_STATUSES) {
                counter("caseflow.alerts", "level", level, "status", status);
            }
        }
        MetricLabels.DEADLINE_FLAGS.forEach(flag -> counter("caseflow.deadline.flags", "flag", flag));
        counter("caseflow.timers.fired");
        counter("caseflow.events.held");
        counter("caseflow.events.order.held");
    }

    private Counter counter(String name, String... tags) {
        String id = name + String.join("\u0000", tags);
        return counters.computeIfAbsent(id, k -> Counter.builder(name).tags(tags).register(registry));
    }

    private static Duration[] millis(long... values) {
        return java.util.Arrays.stream(values).mapToObj(Duration::ofMillis).toArray(Duration[]::new);
    }
}
