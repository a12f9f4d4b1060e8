package org.caseflow.streams.topology;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.caseflow.streams.domain.courts.Court;
import org.caseflow.streams.domain.courts.CourtRegistry;

/**
 * The clock of one task: on event time the latest record timestamp it has seen (never back: the record timestamp is
 * the case event's time, the facts' own dates are not trusted), on the wall clock the system time. Each task keeps
 * its event clock where it always has ({@link Slot}), so existing state restores as it is, and saves it when its
 * {@link Saving} says.
 *
 * <p>The indicator tasks (fact aggregator, indicator processor) save it once a local day, not once a record: they only
 * need the day (the aggregator the month, the processor the day), so after a crash the clock may restart up to a day
 * behind, which the next record mends. Their day is taken in the indicator zone of the seeds ({@link #indicatorZone}).
 * The case task needs more than the day (thresholds fall at midnights of every court's zone) and saves it once a
 * punctuation when it moved ({@link #saveIfMoved}).
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

    /** When the event clock is saved. */
    enum Saving {
        /** By {@link #advance} when the clock enters a new local day. */
        ONCE_A_LOCAL_DAY,
        /** By {@link #saveIfMoved}, which the task calls from its punctuation. */
        WHEN_ASKED
    }

    private final ClockMode mode;
    private final ZoneId zone;
    private final Slot slot;
    private final Saving saving;
    private Instant eventClock;
    private Instant saved;

    /**
     * An indicator task's clock, saved once a local day. Reads the saved clock: call it from the processor's
     * {@code init}, where the stores are (re)opened.
     */
    TaskClock(ClockMode mode, ZoneId zone, Slot slot) {
        this(mode, zone, slot, Saving.ONCE_A_LOCAL_DAY, Instant.EPOCH);
    }

    private TaskClock(ClockMode mode, ZoneId zone, Slot slot, Saving saving, Instant notBefore) {
        this.mode = mode;
        this.zone = zone;
        this.slot = slot;
        this.saving = saving;
        Instant loaded = Instant.ofEpochMilli(slot.load());
        this.eventClock = notBefore.isAfter(loaded) ? notBefore : loaded;
        this.saved = eventClock;
    }

    /**
     * The case task's event-time clock, saved when asked; it starts at the saved clock or at {@code notBefore} (where
     * the threshold scan had got to), whichever is later. {@code zone} is the engine's default court zone
     * ({@code caseflow.engine.default.zone}).
     */
    static TaskClock caseTask(ZoneId zone, Slot slot, Instant notBefore) {
        return new TaskClock(ClockMode.EVENT_TIME, zone, slot, Saving.WHEN_ASKED, notBefore);
    }

    /**
     * The zone the indicator tasks count days and months in: the zone of the seeds' top court (the registry's root, a
     * high court), so a deployment for one province counts in the province's zone; {@code whenNoCourt} (the engine's
     * default court zone) when the registry has no court.
     */
    static ZoneId indicatorZone(CourtRegistry courts, ZoneId whenNoCourt) {
        return courts.all().stream()
                .filter(c -> c.parent() == null)
                .min(Comparator.comparing(Court::code))
                .map(Court::zone)
                .orElse(whenNoCourt);
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
        if (saving == Saving.ONCE_A_LOCAL_DAY && move.newDay()) {
            slot.save(recordTimestamp);
            saved = at;
        }
        return move;
    }

    /**
     * Saves the event clock if it moved since it was last saved: once a punctuation, not once a record (after a crash
     * the case task may restart a little behind; what fired up to then is committed and does not fire again, and the
     * next record moves the clock on).
     */
    void saveIfMoved() {
        if (eventClock.isAfter(saved)) {
            slot.save(eventClock.toEpochMilli());
            saved = eventClock;
        }
    }

    /** The event clock: the latest record time seen (the epoch before any). */
    Instant eventTime() {
        return eventClock;
    }

    /** The event clock as it would be after a record at {@code recordTimestamp}, without moving it. */
    Instant eventTimeAt(long recordTimestamp) {
        Instant at = Instant.ofEpochMilli(recordTimestamp);
        return at.isAfter(eventClock) ? at : eventClock;
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
