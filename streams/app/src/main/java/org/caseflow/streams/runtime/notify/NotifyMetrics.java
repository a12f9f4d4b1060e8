package org.caseflow.streams.runtime.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The meters of {@code caseflow notify} (docs/operations.md, "Notifications"). Labels stay few: channel, outcome,
 * endpoint (host:port of a configured URL) and reason; never a case, alert or recipient.
 */
final class NotifyMetrics {
    static final String DELIVERIES = "caseflow.notify.deliveries";
    static final String RETRIES = "caseflow.notify.retries";
    static final String LATENCY = "caseflow.notify.delivery.latency";
    static final String BREAKER = "caseflow.notify.breaker.state";
    static final String DEAD_LETTERS = "caseflow.notify.dead.letters";
    static final String UNROUTED = "caseflow.notify.unrouted.roles";
    static final String SUPPRESSED = "caseflow.notify.suppressed";
    static final String ACKS = "caseflow.notify.acknowledgements";
    static final String DIGESTS = "caseflow.notify.digests";

    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> breakers = new ConcurrentHashMap<>();
    /** Meters of every delivery looked up once, not built and registered again for each one (hot path). */
    private final Map<String, Counter> deliveries = new ConcurrentHashMap<>();
    private final Map<String, DistributionSummary> latencies = new ConcurrentHashMap<>();

    NotifyMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One finished delivery; {@code latencyMillis} from the alert's raisedAt, counted only when delivered. */
    void delivery(String channel, Outcome outcome, long latencyMillis) {
        deliveries.computeIfAbsent(channel + "\u0000" + outcome.reason(), k -> Counter.builder(DELIVERIES)
                .description("Deliveries finished, by channel and outcome")
                .tag("channel", channel).tag("outcome", outcome.reason()).register(registry)).increment();
        if (outcome.delivered()) {
            latencies.computeIfAbsent(channel, k -> DistributionSummary.builder(LATENCY).baseUnit("seconds")
                    .description("From the alert's raisedAt to its delivery")
                    .tag("channel", channel).publishPercentileHistogram()
                    .minimumExpectedValue(0.001).maximumExpectedValue(3600.0)
                    .register(registry)).record(Math.max(0, latencyMillis) / 1000.0);
        } else {
            Counter.builder(DEAD_LETTERS).description("Deliveries given up and written to caseflow.notify-dead-letters")
                    .tag("reason", outcome.reason()).register(registry).increment();
        }
    }

    void acknowledgements(java.util.function.IntSupplier known) {
        io.micrometer.core.instrument.Gauge.builder(ACKS, known::getAsInt)
                .description("Acknowledgements known to this notify instance (read from caseflow.alert-acks)").register(registry);
    }

    void retry(String endpoint) {
        Counter.builder(RETRIES).description("Delivery attempts retried").tag("endpoint", endpoint).register(registry).increment();
    }

    /** 0 closed, 1 half-open, 2 open. */
    void breaker(String endpoint, int state) {
        breakers.computeIfAbsent(endpoint, e -> {
            AtomicInteger value = new AtomicInteger();
            io.micrometer.core.instrument.Gauge.builder(BREAKER, value, AtomicInteger::get)
                    .description("Circuit breaker per endpoint: 0 closed, 1 half-open, 2 open").tag("endpoint", e)
                    .register(registry);
            return value;
        }).set(state);
    }

    void unrouted(String roleKind) {
        Counter.builder(UNROUTED).description("Alert roles no recipient answers for").tag("kind", roleKind)
                .register(registry).increment();
    }

    void suppressed() {
        Counter.builder(SUPPRESSED).description("OVERDUE reminders not sent: the recipient acknowledged the case's alert")
                .register(registry).increment();
    }

    /** A digest delivered or given up ({@code outcome} as for deliveries), or skipped: no webhook route. */
    void digest(String outcome) {
        Counter.builder(DIGESTS).description("Digests delivered (one per digest and recipient), by outcome")
                .tag("outcome", outcome).register(registry).increment();
    }

    void undecodable() {
        Counter.builder(DEAD_LETTERS).description("Deliveries given up and written to caseflow.notify-dead-letters")
                .tag("reason", "undecodable").register(registry).increment();
    }
}
