package org.caseflow.streams.topology;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.caseflow.streams.domain.cases.CaseEvaluator;
import org.caseflow.streams.domain.courts.Court;
import org.caseflow.streams.domain.courts.CourtRegistry;

/**
 * The clock of one indicator task (the fact aggregator's, the indicator processor's): on event time the latest record
 * timestamp it has seen (never back: the record timestamp is the case event's time, the facts' own dates are not
 * trusted), on the wall clock the stream time's system clock. Its local day is taken in one zone, the indicator zone
 * of the seeds ({@link #indicatorZone}).
 *
 * <p>The event clock is saved in the task's store once a local day, not once a record: the tasks only need the day
 * (the aggregator the month, the processor the day), so after a crash it may restart up to a day behind, which the
 * next record mends. Each task keeps it where it always has ({@link Slot}), so existing state restores as it is.
 */
final class TaskClock {
    /** Where a task keeps its event clock: a key of one of its stores, in the form that store has always held. */
    interface Slot {
        /** The saved clock, epoch millis; the epoch when none was saved. */
        long load();

        void save(long epochMillis);

        /** Eight bytes, big-endian (the fact aggregator's pending store). */
        static Slot bytes(KeyValueStore<String, byte[]> store, String key) {
            return new Slot() {
                @Override
                public long load() {
                    byte[] saved = store.get(key);
                    return saved == null ? 0 : ByteBuffer.wrap(saved).getLong();
                }

                @Override
                public void save(long epochMillis) {
                    store.put(key, ByteBuffer.allocate(Long.BYTES).putLong(epochMillis).array());
                }
            };
        }

        /** Decimal text (the indicator processor's scope store). */
        static Slot text(KeyValueStore<String, String> store, String key) {
            return new Slot() {
                @Override
                public long load() {
                    String saved = store.get(key);
                    return saved == null ? 0 : Long.parseLong(saved);
                }

                @Override
                public void save(long epochMillis) {
                    store.put(key, Long.toString(epochMillis));
                }
            };
        }
    }

    /** What one record did to the clock: the local days before and after (equal when it did not move a day). */
    record Move(LocalDate before, LocalDate after) {
        boolean newDay() {
            return !before.equals(after);
        }
    }

    private final ClockMode mode;
    private final ZoneId zone;
    private final Slot slot;
    private Instant eventClock;

    /** Reads the saved clock: call it from the processor's {@code init}, where the stores are (re)opened. */
    TaskClock(ClockMode mode, ZoneId zone, Slot slot) {
        this.mode = mode;
        this.zone = zone;
        this.slot = slot;
        this.eventClock = Instant.ofEpochMilli(slot.load());
    }

    /**
     * The zone the indicator tasks count days and months in: the zone of the seeds' top court (the registry's root, a
     * high court), so a deployment for one province counts in the province's zone; the default court zone when the
     * registry has no court.
     */
    static ZoneId indicatorZone(CourtRegistry courts) {
        return courts.all().stream()
                .filter(c -> c.parent() == null || c.parent().isBlank())
                .min(Comparator.comparing(Court::code))
                .map(Court::zone)
                .orElse(CaseEvaluator.DEFAULT_ZONE);
    }

    /**
     * Event time: moves the clock to {@code recordTimestamp} if that is later, saving it when the local day changes.
     * Null when the clock did not move.
     */
    Move advance(long recordTimestamp) {
        Instant at = Instant.ofEpochMilli(recordTimestamp);
        if (!at.isAfter(eventClock)) {
            return null;
        }
        Move move = new Move(LocalDate.ofInstant(eventClock, zone), LocalDate.ofInstant(at, zone));
        eventClock = at;
        if (move.newDay()) {
            slot.save(recordTimestamp);
        }
        return move;
    }

    /** Whether "now" means anything yet: always on the wall clock; on event time once a record was seen. */
    boolean known() {
        return mode == ClockMode.WALL_CLOCK || eventClock.isAfter(Instant.EPOCH);
    }

    /** Now: the event clock on event time, else {@code wallClockMs}. */
    Instant now(long wallClockMs) {
        return mode == ClockMode.EVENT_TIME ? eventClock : Instant.ofEpochMilli(wallClockMs);
    }

    /** Today in the indicator zone. */
    LocalDate today(long wallClockMs) {
        return LocalDate.ofInstant(now(wallClockMs), zone);
    }

    ZoneId zone() {
        return zone;
    }
}
