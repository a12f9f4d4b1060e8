package org.caseflow.streams.topology;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.caseflow.streams.domain.indicators.IndicatorResult;
import org.caseflow.streams.domain.indicators.ScopeKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Micrometer gauges of the current period's indicator values, shared by every indicator task of one instance:
 * {@code caseflow.indicator{scope,subordinates,category,indicator,window}} (Prometheus {@code caseflow_indicator})
 * for the exported scopes only, and {@code caseflow.cases.open{court,category}} /
 * {@code caseflow.cases.overdue{court,category}} from PENDING and OVERDUE_PENDING of each court alone.
 * {@code subordinates} is a tag because 湘02 alone and 湘02 with its courts are different series.
 * A null value (zero denominator) reads as NaN, which Prometheus shows as "no data".
 */
final class IndicatorGauges {
    private static final Logger LOG = LoggerFactory.getLogger(IndicatorGauges.class);
    private static final String INDICATOR = "caseflow.indicator";

    /** Mutable cell behind one gauge; written by the stream thread, read by the scraper. */
    private static final class Cell {
        private volatile double value = Double.NaN;
    }

    private final MeterRegistry registry;
    private final Set<String> exportScopes;
    private final int limit;
    private final Map<String, Cell> cells = new ConcurrentHashMap<>();
    private final AtomicInteger indicatorSeries = new AtomicInteger();
    private volatile boolean warned;

    IndicatorGauges(MeterRegistry registry, Set<String> exportScopes, int limit) {
        this.registry = registry;
        this.exportScopes = Set.copyOf(exportScopes);
        this.limit = limit;
    }

    boolean exports(ScopeKey scope) {
        return exportScopes.isEmpty() || exportScopes.contains(scope.scope());
    }

    /** Records the current-period value of {@code r} for {@code scope}. */
    void update(ScopeKey scope, IndicatorResult r) {
        double v = r.value() == null ? Double.NaN : r.value();
        if (exports(scope)) {
            Cell cell = cells.get(seriesId(scope, r));
            if (cell == null) {
                cell = register(scope, r);
            }
            if (cell != null) {
                cell.value = v;
            }
        }
        if (!scope.includesSubordinates() && !ScopeKey.ALL.equals(scope.category())) {
            if ("PENDING".equals(r.indicator())) {
                caseGauge("caseflow.cases.open", "Open cases of the court and category", scope).value = v;
            } else if ("OVERDUE_PENDING".equals(r.indicator())) {
                caseGauge("caseflow.cases.overdue", "Open cases past their deadline", scope).value = v;
            }
        }
    }

    private Cell register(ScopeKey scope, IndicatorResult r) {
        if (indicatorSeries.get() >= limit) {
            if (!warned) {
                warned = true;
                LOG.warn("indicator gauges: export limit of {} series reached; narrow the exported scopes", limit);
            }
            return null;
        }
        return cells.computeIfAbsent(seriesId(scope, r), id -> {
            indicatorSeries.incrementAndGet();
            Cell cell = new Cell();
            Gauge.builder(INDICATOR, cell, c -> c.value)
                    .description("Current-period value of a court indicator (DESIGN.md section 6)")
                    .tag("scope", scope.scope())
                    .tag("subordinates", Boolean.toString(scope.includesSubordinates()))
                    .tag("category", scope.category())
                    .tag("indicator", r.indicator())
                    .tag("window", r.window().name())
                    .strongReference(true)
                    .register(registry);
            return cell;
        });
    }

    private Cell caseGauge(String name, String description, ScopeKey scope) {
        return cells.computeIfAbsent(name + "|" + scope.scope() + "|" + scope.category(), id -> {
            Cell cell = new Cell();
            Gauge.builder(name, cell, c -> c.value)
                    .description(description)
                    .tag("court", scope.scope())
                    .tag("category", scope.category())
                    .strongReference(true)
                    .register(registry);
            return cell;
        });
    }

    private static String seriesId(ScopeKey scope, IndicatorResult r) {
        return INDICATOR + "|" + scope.encode() + "|" + r.indicator() + "|" + r.window();
    }
}
