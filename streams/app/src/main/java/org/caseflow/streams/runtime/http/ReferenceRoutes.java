package org.caseflow.streams.runtime.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.caseflow.streams.domain.calendar.WorkCalendar;
import org.caseflow.streams.domain.seeds.Propagation;
import org.caseflow.streams.domain.seeds.ReferenceData;
import org.caseflow.streams.domain.seeds.ReferencePublication;
import org.caseflow.streams.runtime.config.ApiTokens;
import org.caseflow.streams.topology.ReferenceHolder;

/**
 * {@code GET /api/v1/reference} (issue 15): the reference-data versions in force on this instance (the seed files
 * and what {@code caseflow reference publish} published), each calendar's coverage, and the open cases whose deadline
 * falls in a year without a published calendar, per court and year, read from the gauges behind
 * {@code caseflow_deadlines_uncovered} (this instance's tasks; the metric summed over instances is the whole). The
 * counts are limited to the token's courts; versions and coverage are public reference data.
 */
final class ReferenceRoutes {
    static final String UNCOVERED_GAUGE = "caseflow.deadlines.uncovered";

    /** One version in force, with the earlier ones still applied to older cases (new-cases propagation). */
    record Version(String key, String version, LocalDate effectiveFrom, String propagation, String source,
            List<String> olderCasesKeep) {
    }

    record Coverage(String jurisdiction, List<Integer> years, Integer coveredThrough, boolean rollForward,
            String version) {
    }

    record Uncovered(String court, int year, long openCases) {
    }

    record Answer(List<Version> versions, List<Coverage> calendars, List<Uncovered> uncovered, long uncoveredTotal,
            String countsScope) {
    }

    private final Supplier<ReferenceHolder> reference;
    private final MeterRegistry registry;

    ReferenceRoutes(Supplier<ReferenceHolder> reference, MeterRegistry registry) {
        this.reference = reference;
        this.registry = registry;
    }

    void register(Javalin app) {
        app.get("/api/v1/reference", this::reference);
    }

    private void reference(Context ctx) {
        ReferenceHolder holder = reference.get();
        if (holder == null) {
            throw new ApiException(503, "this instance does not expose its reference data");
        }
        ReferenceData data = holder.data();
        List<Version> versions = new ArrayList<>();
        ReferenceData seeded = ReferenceData.of(data.base(), data.liveZone());
        data.versions().forEach((key, version) -> {
            var newest = data.newest(key);
            List<ReferencePublication> chain = data.chains().getOrDefault(key, List.of());
            List<String> older = new ArrayList<>();
            chain.subList(0, Math.max(0, chain.size() - 1)).forEach(p -> older.add(p.toString()));
            if (!chain.isEmpty() && chain.get(0).propagation() == Propagation.NEW_CASES) {
                older.add(0, "seed file " + seeded.versionOf(key).orElse("unversioned"));
            }
            versions.add(new Version(key, version, newest.map(ReferencePublication::effectiveFrom).orElse(null),
                    newest.map(ReferencePublication::appliesTo).orElse("seed file"),
                    newest.map(p -> "published (" + p.file() + ")").orElse("seed file"), older));
        });
        List<Coverage> calendars = new ArrayList<>();
        for (WorkCalendar c : data.current().calendars().all()) {
            calendars.add(new Coverage(c.jurisdiction(), List.copyOf(c.years()),
                    c.years().stream().max(Integer::compare).orElse(null), c.rollForward(), c.version().version()));
        }
        List<Uncovered> uncovered = new ArrayList<>();
        long total = 0;
        for (Gauge gauge : registry.find(UNCOVERED_GAUGE).gauges()) {
            String court = gauge.getId().getTag("court");
            long n = Math.round(gauge.value());
            if (n > 0 && court != null && ApiTokens.allows(ApiRoutes.courts(ctx), court)) {
                uncovered.add(new Uncovered(court, Integer.parseInt(gauge.getId().getTag("year")), n));
                total += n;
            }
        }
        uncovered.sort(java.util.Comparator.comparing(Uncovered::year).thenComparing(Uncovered::court));
        ctx.json(new Answer(versions, calendars, uncovered, total, "instance"));
    }
}
