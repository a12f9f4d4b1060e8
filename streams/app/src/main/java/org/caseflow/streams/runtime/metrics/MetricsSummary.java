package org.caseflow.streams.runtime.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The demo's one-line progress summary, read from the registry's counters (so it shows exactly what
 * {@code /metrics} shows): events, open cases, firing alerts by level, dead letters.
 */
public final class MetricsSummary {
    private MetricsSummary() {
    }

    public static String line(MeterRegistry registry) {
        double events = sum(registry, Metrics.EVENTS);
        double deadLetters = sum(registry, Metrics.DEAD_LETTERS);
        Map<String, Long> alerts = new TreeMap<>();
        for (Counter counter : registry.find(Metrics.ALERTS).counters()) {
            String status = counter.getId().getTag("status");
            if (status == null || "FIRING".equals(status)) {
                alerts.merge(String.valueOf(counter.getId().getTag("level")), (long) counter.count(), Long::sum);
            }
        }
        var openGauges = registry.find(Metrics.CASES_OPEN).gauges();
        String open = openGauges.isEmpty() ? "n/a"
                : String.valueOf((long) openGauges.stream().mapToDouble(Gauge::value).sum());
        return String.format(Locale.ROOT, "events %,d | open cases %s | alerts %s | dead letters %,d",
                (long) events, open, alerts.isEmpty() ? "none" : alerts, (long) deadLetters);
    }

    private static double sum(MeterRegistry registry, String name) {
        return registry.find(name).counters().stream().mapToDouble(Counter::count).sum();
    }
}
