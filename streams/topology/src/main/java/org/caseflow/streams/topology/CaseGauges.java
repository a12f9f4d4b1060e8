package org.caseflow.streams.topology;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.caseflow.streams.domain.courts.CourtId;
import org.caseflow.streams.domain.courts.Court;
import org.caseflow.streams.domain.courts.CourtRegistry;
import org.caseflow.streams.domain.indicators.IndicatorResult;
import org.caseflow.streams.domain.indicators.ScopeKey;
import org.caseflow.streams.domain.rules.Category;

/**
 * {@code caseflow.cases.open{court,category}} and {@code caseflow.cases.overdue{court,category}} (Prometheus
 * {@code caseflow_cases_open}, {@code caseflow_cases_overdue}): PENDING and OVERDUE_PENDING of each court alone, per
 * category. Registered at 0 for every court of the seeds when the topology is built, so the deadlines dashboard
 * shows 0 rather than "no data" and a sum across instances is right: each court's scopes live in one task of one
 * instance, every other instance contributes 0 (a task closed here gives its courts back as 0, see
 * {@link #release}). Eight series per court.
 */
final class CaseGauges {
    static final String OPEN = "caseflow.cases.open";
    static final String OVERDUE = "caseflow.cases.overdue";
    /** Mutable cell behind one gauge; written by a stream thread, read by the scraper. */
    private static final class Cell {
        private volatile double value;
    }

    private final MeterRegistry registry;
    private final Map<String, Cell> cells = new ConcurrentHashMap<>();

    CaseGauges(MeterRegistry registry, CourtRegistry courts) {
        this.registry = registry;
        for (Court court : courts.all()) {
            for (Category category : Category.values()) {
                cell(OPEN, court.code(), category.name());
                cell(OVERDUE, court.code(), category.name());
            }
        }
    }

    /** Takes PENDING and OVERDUE_PENDING of a court alone for one category; other results are not case counts. */
    void update(ScopeKey scope, IndicatorResult r) {
        if (scope.includesSubordinates() || ScopeKey.ALL.equals(scope.category())) {
            return;
        }
        String name = switch (r.indicator()) {
            case "PENDING" -> OPEN;
            case "OVERDUE_PENDING" -> OVERDUE;
            default -> null;
        };
        if (name != null) {
            cell(name, scope.court(), scope.category()).value = r.value() == null ? 0 : r.value();
        }
    }

    /** The scope's task closed on this instance: from now on another instance (or a reopened task) reports it. */
    void release(ScopeKey scope) {
        if (!scope.includesSubordinates() && !ScopeKey.ALL.equals(scope.category())) {
            cell(OPEN, scope.court(), scope.category()).value = 0;
            cell(OVERDUE, scope.court(), scope.category()).value = 0;
        }
    }

    private Cell cell(String name, CourtId court, String category) {
        return cells.computeIfAbsent(name + "|" + court + "|" + category, id -> {
            Cell cell = new Cell();
            Gauge.builder(name, cell, c -> c.value)
                    .description(OPEN.equals(name) ? "Open cases of the court and category"
                            : "Open cases past their deadline")
                    .tag("court", court.value())
                    .tag("category", category)
                    .strongReference(true)
                    .register(registry);
            return cell;
        });
    }
}
