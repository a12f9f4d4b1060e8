package org.caseflow.streams.topology;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.caseflow.streams.domain.courts.CourtId;
import org.caseflow.streams.domain.alerts.ThresholdDays;
import org.caseflow.streams.domain.rules.LeadTimes;
import org.caseflow.streams.topology.StoreKeys.DeadlineKey;

/**
 * Finds the open cases that cross a deadline threshold at a local midnight of a time window, in the court-ordered
 * deadline index ({@link StoreNames#DEADLINE_INDEX}: {@code court|epochDay|caseId} → the case's lead times). A
 * threshold is fixed by the deadline day and the lead times ({@link ThresholdDays}), so a storm of crossings costs
 * range reads of that index and no timer entry per case and threshold is written or deleted. Courts are visited in key
 * order, a few range reads each; a window without a local midnight of any zone reads nothing.
 */
final class ThresholdScan {
    /** An open case with thresholds in the window: its index key, and the local days they fall on (ascending). */
    record Crossing(String key, String caseId, String court, ZoneId zone, List<LocalDate> days) {
    }

    /** Up to a limit of crossings in key order; {@code done} when the window holds no more after the last. */
    record Batch(List<Crossing> crossings, boolean done) {
    }

    private final ReadOnlyKeyValueStore<String, String> index;
    /** The courts in the index, kept by the task ({@link IndexedCourts}: no range read to find the next court). */
    private final IndexedCourts courts;
    private final Function<CourtId, ZoneId> zoneOf;
    private final Set<LeadTimes> profiles;
    private final Set<ZoneId> zones;
    /** The thresholds' days, with the engine's OVERDUE reminder interval. */
    private final ThresholdDays thresholdDays;

    /** @param courts every court with an entry in {@code index}, kept up to date by the task that writes it */
    ThresholdScan(ReadOnlyKeyValueStore<String, String> index, IndexedCourts courts, Function<CourtId, ZoneId> zoneOf,
            Set<LeadTimes> profiles, Set<ZoneId> zones, ThresholdDays thresholdDays) {
        this.index = index;
        this.courts = courts;
        this.thresholdDays = thresholdDays;
        this.zoneOf = zoneOf;
        this.profiles = Set.copyOf(profiles);
        this.zones = Set.copyOf(zones);
    }

    /** The index value of a case: its lead times, so a scan needs no state read to tell whether it crosses. */
    static String value(LeadTimes lead) {
        return lead.noticeDays() + "," + lead.warningDays() + "," + lead.criticalDays();
    }

    static LeadTimes leadTimes(String value) {
        if (value == null || value.isEmpty()) {
            return LeadTimes.DEFAULT;
        }
        String[] parts = value.split(",");
        return new LeadTimes(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
    }

    /** Whether some zone has a local midnight in {@code (from, to]}: most ticks have none and read nothing. */
    boolean anyMidnight(Instant from, Instant to) {
        for (ZoneId zone : zones) {
            if (firstDay(from, zone).atStartOfDay(zone).toInstant().compareTo(to) <= 0) {
                return true;
            }
        }
        return false;
    }

    /** The first local day whose midnight is after {@code from}. */
    private static LocalDate firstDay(Instant from, ZoneId zone) {
        LocalDate day = LocalDate.ofInstant(from, zone);
        return day.atStartOfDay(zone).toInstant().isAfter(from) ? day : day.plusDays(1);
    }

    /**
     * Crossings at a local midnight in {@code (from, to]} whose key sorts after {@code after} (null: from the start),
     * at most {@code limit}.
     */
    Batch next(Instant from, Instant to, String after, int limit) {
        List<Crossing> out = new ArrayList<>();
        String court = after == null ? courts.first() : court(after);
        while (court != null) {
            ZoneId zone = zoneOf.apply(new CourtId(court)); // the index key spells the court raw
            LocalDate first = firstDay(from, zone);
            LocalDate last = LocalDate.ofInstant(to, zone);
            if (!first.isAfter(last) && !scanCourt(court, zone, first, last, after, limit, out)) {
                return new Batch(out, false);
            }
            court = courts.after(court);
        }
        return new Batch(out, true);
    }

    /** Adds the court's crossings after {@code after}; false when the limit was reached. */
    private boolean scanCourt(String court, ZoneId zone, LocalDate first, LocalDate last, String after, int limit,
            List<Crossing> out) {
        LocalDate earliest;
        if (after != null && court.equals(court(after))) {
            // Resuming in this court: no range before the last key handled is read again, so its day bounds them as
            // well as the court's earliest would. Looking that up again would seek over every entry deleted from the
            // court's front since the last compaction (cases closed), once per batch of a storm.
            earliest = DeadlineKey.deadlineOf(after, court);
        } else {
            try (KeyValueIterator<String, String> it = index.range(DeadlineKey.courtStart(court),
                    DeadlineKey.courtEnd(court))) {
                if (!it.hasNext()) {
                    return true;
                }
                earliest = DeadlineKey.deadlineOf(it.next().key, court);
            }
        }
        for (long[] range : thresholdDays.deadlineRanges(profiles, first, last, earliest)) {
            String hi = DeadlineKey.dayEnd(court, range[1]);
            if (after != null && after.compareTo(hi) >= 0) {
                continue;
            }
            String lo = DeadlineKey.dayStart(court, range[0]);
            try (KeyValueIterator<String, String> it = index.range(after != null && after.compareTo(lo) > 0
                    ? after : lo, hi)) {
                while (it.hasNext()) {
                    KeyValue<String, String> kv = it.next();
                    if (kv.key.equals(after)) {
                        continue;
                    }
                    LocalDate deadline = DeadlineKey.deadlineOf(kv.key, court);
                    List<LocalDate> days = thresholdDays.crossedOn(deadline, leadTimes(kv.value), first, last);
                    if (days.isEmpty()) {
                        continue; // another procedure's lead times
                    }
                    out.add(new Crossing(kv.key, DeadlineKey.caseIdOf(kv.key, court), court, zone, days));
                    if (out.size() >= limit) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static String court(String key) {
        return DeadlineKey.courtOf(key);
    }

    /** The court of the first key at or after {@code from}, or null. */
    private String firstCourt(String from) {
        try (KeyValueIterator<String, String> it = index.range(from.isEmpty() ? null : from, null)) {
            return it.hasNext() ? court(it.next().key) : null;
        }
    }
}
