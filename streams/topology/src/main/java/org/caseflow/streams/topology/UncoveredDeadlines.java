package org.caseflow.streams.topology;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.caseflow.streams.domain.courts.CourtId;
import org.caseflow.streams.domain.calendar.CalendarRegistry;
import org.caseflow.streams.domain.calendar.WorkCalendar;
import org.caseflow.streams.domain.courts.Court;
import org.caseflow.streams.domain.courts.CourtRegistry;
import org.caseflow.streams.topology.StoreKeys.DeadlineKey;

/**
 * {@code caseflow.deadlines.uncovered{court,year}} (Prometheus {@code caseflow_deadlines_uncovered}): open cases whose
 * deadline day falls in a year whose public-holiday schedule is not in the court's calendar seed. Such a deadline is
 * computed on weekends only (its explanation says so) and moves when the State Council's schedule is published and
 * loaded, so operators must see it coming (issue 15). And {@code caseflow.calendar.covered.through{jurisdiction}}: the
 * last year each calendar covers, for the alert that fires from October when next year's schedule is still missing.
 *
 * <p>Counted per task from the deadline index ({@link StoreNames#DEADLINE_INDEX}, {@code court|epochDay|caseId}): one
 * range read of each court's uncovered days when the task starts, then kept in step as index keys come and go
 * ({@link Tally#moved}). A task's counts are taken back when it closes or starts again (after an EOS abort its store
 * was rolled back, so it counts afresh), so the instance's gauge is the sum of its open tasks and a sum over instances
 * is the whole.
 */
final class UncoveredDeadlines {
    static final String UNCOVERED = "caseflow.deadlines.uncovered";
    static final String COVERED_THROUGH = "caseflow.calendar.covered.through";
    /** Sorts after every key of a court: '}' follows the '|' that ends a court code. */

    private record CourtYear(String court, int year) {
    }

    private final MeterRegistry registry;
    private final Function<CourtId, WorkCalendar> calendarOf;
    private final Map<CourtYear, AtomicLong> totals = new ConcurrentHashMap<>();

    UncoveredDeadlines(MeterRegistry registry, CalendarRegistry calendars, CourtRegistry courts,
            Function<CourtId, WorkCalendar> calendarOf) {
        this.registry = registry;
        this.calendarOf = calendarOf;
        // At 0 from start-up for every court and the first year its calendar lacks (the one an alert is about to be
        // about), so dashboards and the sum across instances see 0 rather than no data.
        for (Court court : courts.all()) {
            WorkCalendar calendar = calendarOf.apply(court.code());
            calendar.years().stream().mapToInt(Integer::intValue).max()
                    .ifPresent(last -> total(new CourtYear(court.code().value(), last + 1)));
        }
        for (WorkCalendar seeded : calendars.all()) {
            String jurisdiction = seeded.jurisdiction();
            // Read at every scrape: a calendar published live (issue 15) moves it without a restart.
            Gauge.builder(COVERED_THROUGH, () -> coveredThrough(calendarOf, courts, jurisdiction, seeded))
                    .description("The last year whose public-holiday schedule the calendar seed holds")
                    .tag("jurisdiction", jurisdiction)
                    .strongReference(true)
                    .register(registry);
        }
    }

    /** The last year the calendar in force for {@code jurisdiction} covers (found through one of its courts). */
    private static int coveredThrough(Function<CourtId, WorkCalendar> calendarOf, CourtRegistry courts,
            String jurisdiction, WorkCalendar seeded) {
        WorkCalendar calendar = courts.all().stream().filter(c -> c.jurisdiction().equals(jurisdiction)).findFirst()
                .map(c -> calendarOf.apply(c.code())).orElse(seeded);
        return calendar.years().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** Open cases on uncovered days, per court and year, summed over this instance's tasks (the gauges' source). */
    Map<String, Map<Integer, Long>> counts() {
        Map<String, Map<Integer, Long>> counts = new java.util.TreeMap<>();
        totals.forEach((key, n) -> counts.computeIfAbsent(key.court(), k -> new java.util.TreeMap<>())
                .put(key.year(), n.get()));
        return counts;
    }

    /** One task's share of the counts. */
    Tally tally() {
        return new Tally();
    }

    private AtomicLong total(CourtYear key) {
        return totals.computeIfAbsent(key, k -> {
            AtomicLong cell = new AtomicLong();
            Gauge.builder(UNCOVERED, cell, AtomicLong::get)
                    .description("Open cases whose deadline falls in a year the court's calendar does not cover")
                    .tag("court", k.court())
                    .tag("year", Integer.toString(k.year()))
                    .strongReference(true)
                    .register(registry);
            return cell;
        });
    }

    /** The counts of one task; used by its stream thread only (the totals are what the scraper reads). */
    final class Tally {
        private final Map<CourtYear, Long> mine = new HashMap<>();

        /** Counts the task's open cases on uncovered days afresh (its earlier counts are taken back first). */
        void recount(ReadOnlyKeyValueStore<String, String> index) {
            release();
            String court = firstCourt(index, null);
            while (court != null) {
                for (long[] range : uncoveredDays(calendarOf.apply(new CourtId(court)))) {
                    String from = DeadlineKey.dayStart(court, range[0]);
                    String to = DeadlineKey.dayEnd(court, range[1]);
                    try (KeyValueIterator<String, String> it = index.range(from, to)) {
                        while (it.hasNext()) {
                            add(court, DeadlineKey.deadlineOf(it.next().key, court), 1);
                        }
                    }
                }
                court = firstCourt(index, DeadlineKey.courtEnd(court));
            }
        }

        /** An index key went away ({@code old}) and/or came ({@code now}); either may be null. */
        void moved(String old, String now) {
            if (old != null) {
                count(old, -1);
            }
            if (now != null) {
                count(now, 1);
            }
        }

        /** Takes this task's counts back from the totals. */
        void release() {
            mine.forEach((key, n) -> total(key).addAndGet(-n));
            mine.clear();
        }

        private void count(String key, int delta) {
            String court = DeadlineKey.courtOf(key);
            LocalDate day = DeadlineKey.deadlineOf(key, court);
            if (!calendarOf.apply(new CourtId(court)).covers(day.getYear())) {
                add(court, day, delta);
            }
        }

        private void add(String court, LocalDate deadline, int delta) {
            int year = deadline.getYear();
            CourtYear cy = new CourtYear(court, year);
            mine.merge(cy, (long) delta, Long::sum);
            total(cy).addAndGet(delta);
        }
    }

    /**
     * Epoch-day ranges (inclusive) of the years a calendar does not cover: before its first year, between its years
     * and after its last. A calendar with no year covers nothing.
     */
    static List<long[]> uncoveredDays(WorkCalendar calendar) {
        List<long[]> ranges = new ArrayList<>();
        long from = 0; // 1970-01-01: no index key is older (EventChecks refuses such dates)
        for (int year : calendar.years()) {
            long start = LocalDate.of(year, 1, 1).toEpochDay();
            if (start > from) {
                ranges.add(new long[] {from, start - 1});
            }
            from = LocalDate.of(year + 1, 1, 1).toEpochDay();
        }
        ranges.add(new long[] {from, 99_999_999L});
        return ranges;
    }

    private static String firstCourt(ReadOnlyKeyValueStore<String, String> index, String from) {
        try (KeyValueIterator<String, String> it = index.range(from, null)) {
            if (!it.hasNext()) {
                return null;
            }
            return DeadlineKey.courtOf(it.next().key);
        }
    }
}
