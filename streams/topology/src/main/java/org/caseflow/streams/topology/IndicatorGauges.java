package org.caseflow.streams.topology;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;
import org.caseflow.streams.domain.courts.CourtRegistry;
import org.caseflow.streams.domain.indicators.IndicatorDefinition;
import org.caseflow.streams.domain.indicators.IndicatorDefinitions;
import org.caseflow.streams.domain.indicators.IndicatorResult;
import org.caseflow.streams.domain.indicators.ScopeKey;
import org.caseflow.streams.domain.indicators.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Micrometer gauges of the current period's indicator values, shared by every indicator task of one instance, for
 * the scopes and windows {@link IndicatorExport} names:
 * {@code caseflow.indicator{scope,subordinates,category,indicator,window}} (Prometheus {@code caseflow_indicator}),
 * {@code caseflow.indicator.previous.year} with the same tags (同比: the same window a year earlier), and, from the
 * seeds, {@code caseflow.indicator.interval{indicator,window,bound,direction}} (the reference interval the band of
 * the current period is judged against: the version in force for it, which a live publication can change, issue
 * 15). {@code subordinates} is a tag because 湘02 alone and 湘02 with its courts are different series.
 * A null value (zero denominator, or no data a year earlier) reads as NaN. Open and overdue case counts per court go
 * to {@link CaseGauges}.
 */
final class IndicatorGauges {
    private static final Logger LOG = LoggerFactory.getLogger(IndicatorGauges.class);
    static final String INDICATOR = "caseflow.indicator";
    static final String PREVIOUS_YEAR = "caseflow.indicator.previous.year";
    static final String INTERVAL = "caseflow.indicator.interval";

    /** The two cells of one exported (scope, indicator, window); written by a stream thread, read by the scraper. */
    private static final class Cells {
        private volatile double value = Double.NaN;
        private volatile double previousYear = Double.NaN;
    }

    private final MeterRegistry registry;
    private final IndicatorExport export;
    private final CourtRegistry courts;
    private final CaseGauges cases;
    private final Map<String, Cells> cells = new ConcurrentHashMap<>();
    private final Map<ScopeKey, List<Cells>> byScope = new ConcurrentHashMap<>();
    private final AtomicInteger series = new AtomicInteger();
    private volatile boolean warned;
    /** The definitions whose interval bounds apply to the current period (the gauges read them at each scrape). */
    private volatile IndicatorDefinitions inForce;

    IndicatorGauges(MeterRegistry registry, IndicatorExport export, CourtRegistry courts,
                    IndicatorDefinitions definitions) {
        this.registry = registry;
        this.export = export;
        this.courts = courts;
        this.cases = new CaseGauges(registry, courts);
        this.inForce = definitions;
        registerIntervals(definitions);
    }

    boolean exports(ScopeKey scope) {
        return export.exportsCourt(scope.court(), courts);
    }

    /** Records the current-period value of {@code r} for {@code scope}. */
    void update(ScopeKey scope, IndicatorResult r) {
        cases.update(scope, r);
        if (!exports(scope) || !export.exportsWindow(r.window())) {
            return;
        }
        Cells cell = cells.get(seriesId(scope, r));
        if (cell == null) {
            cell = register(scope, r);
        }
        if (cell != null) {
            cell.value = r.value() == null ? Double.NaN : r.value();
            cell.previousYear = r.previousYearValue() == null ? Double.NaN : r.previousYearValue();
        }
    }

    /**
     * The task keeping {@code scope} closed on this instance: its series read NaN (open/overdue 0) until the task
     * opens here again, so a scope that moved to another instance is not counted twice.
     */
    void release(ScopeKey scope) {
        cases.release(scope);
        for (Cells cell : byScope.getOrDefault(scope, List.of())) {
            cell.value = Double.NaN;
            cell.previousYear = Double.NaN;
        }
    }

    private Cells register(ScopeKey scope, IndicatorResult r) {
        if (series.get() + 2 > export.maxSeries()) {
            if (!warned) {
                warned = true;
                LOG.warn("indicator gauges: limit of {} series reached; narrow caseflow.indicators.export.scopes or"
                        + " .windows, or raise caseflow.indicators.export.max.series", export.maxSeries());
            }
            return null;
        }
        return cells.computeIfAbsent(seriesId(scope, r), id -> {
            series.addAndGet(2);
            Cells cell = new Cells();
            gauge(INDICATOR, "Current-period value of a court indicator (DESIGN.md section 6)", scope, r,
                    cell, c -> c.value);
            gauge(PREVIOUS_YEAR, "The same indicator and window a year earlier (year-on-year, 同比)", scope, r,
                    cell, c -> c.previousYear);
            byScope.computeIfAbsent(scope, k -> new CopyOnWriteArrayList<>()).add(cell);
            return cell;
        });
    }

    private void gauge(String name, String description, ScopeKey scope, IndicatorResult r, Cells cell,
                       ToDoubleFunction<Cells> read) {
        Gauge.builder(name, cell, read)
                .description(description)
                .tag("scope", scope.court().value())
                .tag("subordinates", Boolean.toString(scope.includesSubordinates()))
                .tag("category", scope.category())
                .tag("indicator", r.indicator())
                .tag("window", r.window().name())
                .strongReference(true)
                .register(registry);
    }

    /** Constant per definition and window: registered once, whether or not any value is exported yet. */
    private void registerIntervals(IndicatorDefinitions definitions) {
        for (IndicatorDefinition d : definitions.all()) {
            for (Window window : Window.values()) {
                if (d.interval() == null || !d.interval().appliesTo(window) || !export.exportsWindow(window)) {
                    continue;
                }
                interval(d, window, "low", () -> inForce.get(d.code()).interval().low());
                interval(d, window, "high", () -> inForce.get(d.code()).interval().high());
            }
        }
    }

    /**
     * The definitions in force for the current period; a published version differs from the seeds' only in bounds
     * (which intervals exist, and for which windows, is fixed at start), so every registered gauge still has one.
     */
    void intervalsInForce(IndicatorDefinitions definitions) {
        inForce = definitions;
    }

    private void interval(IndicatorDefinition d, Window window, String bound, java.util.function.Supplier<Number> value) {
        Gauge.builder(INTERVAL, value)
                .description("Reference interval of an indicator (bounds inclusive; direction says which side is"
                        + " better)")
                .tag("indicator", d.code())
                .tag("window", window.name())
                .tag("bound", bound)
                .tag("direction", d.direction().name())
                .strongReference(true)
                .register(registry);
    }

    private static String seriesId(ScopeKey scope, IndicatorResult r) {
        return scope.encode() + "|" + r.indicator() + "|" + r.window();
    }
}
