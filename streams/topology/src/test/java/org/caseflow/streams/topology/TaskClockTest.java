package org.caseflow.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.junit.jupiter.api.Test;

class TaskClockTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 2025-05-19T23:30+08:00. */
    private static final Instant LATE_EVENING = Instant.parse("2025-05-19T15:30:00Z");

    @Test
    void shouldMoveOnlyForwardAndSaveOnceALocalDay() {
        KeyValueStore<String, String> store = textStore();
        TaskClock clock = new TaskClock(ClockMode.EVENT_TIME, SHANGHAI, TaskClock.Slot.text(store, "event-clock"));
        assertThat(clock.known()).isFalse();

        TaskClock.Move first = clock.advance(LATE_EVENING.toEpochMilli());
        assertThat(first.newDay()).isTrue();
        assertThat(store.get("event-clock")).isEqualTo(Long.toString(LATE_EVENING.toEpochMilli()));
        assertThat(clock.known()).isTrue();

        // Ten minutes later, the same local day: moves, not saved.
        TaskClock.Move sameDay = clock.advance(LATE_EVENING.plusSeconds(600).toEpochMilli());
        assertThat(sameDay.newDay()).isFalse();
        assertThat(store.get("event-clock")).isEqualTo(Long.toString(LATE_EVENING.toEpochMilli()));
        assertThat(clock.advance(LATE_EVENING.toEpochMilli())).isNull(); // never back

        // Past local midnight (16:00Z = 00:00+08:00): a new day in Shanghai, saved.
        Instant afterMidnight = Instant.parse("2025-05-19T16:05:00Z");
        TaskClock.Move next = clock.advance(afterMidnight.toEpochMilli());
        assertThat(next).isEqualTo(new TaskClock.Move(LocalDate.of(2025, 5, 19), LocalDate.of(2025, 5, 20)));
        assertThat(store.get("event-clock")).isEqualTo(Long.toString(afterMidnight.toEpochMilli()));
        assertThat(clock.today(0)).isEqualTo(LocalDate.of(2025, 5, 20));
    }

    @Test
    void shouldRestoreTheClockInTheFormEachStoreHasAlwaysHeld() {
        KeyValueStore<String, byte[]> bytes = init(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("pending"),
                Serdes.String(), Serdes.ByteArray()).withLoggingDisabled().build());
        bytes.put("event-clock", ByteBuffer.allocate(Long.BYTES).putLong(LATE_EVENING.toEpochMilli()).array());
        TaskClock restored = new TaskClock(ClockMode.EVENT_TIME, SHANGHAI, TaskClock.Slot.bytes(bytes, "event-clock"));
        assertThat(restored.now(0)).isEqualTo(LATE_EVENING);

        KeyValueStore<String, String> text = textStore();
        text.put("event-clock", Long.toString(LATE_EVENING.toEpochMilli()));
        assertThat(new TaskClock(ClockMode.EVENT_TIME, SHANGHAI, TaskClock.Slot.text(text, "event-clock")).now(0))
                .isEqualTo(LATE_EVENING);

        TaskClock.Slot.bytes(bytes, "event-clock").save(42);
        assertThat(bytes.get("event-clock")).isEqualTo(ByteBuffer.allocate(Long.BYTES).putLong(42).array());
    }

    @Test
    void shouldSaveTheCaseTasksClockWhenAskedAndOnlyWhenItMoved() {
        KeyValueStore<String, String> due = textStore();
        due.put("~event-clock", Long.toString(LATE_EVENING.toEpochMilli()));
        Instant scanDone = LATE_EVENING.plusSeconds(60);
        TaskClock clock = TaskClock.caseTask(SHANGHAI, TaskClock.Slot.text(due, "~event-clock"), scanDone);
        assertThat(clock.eventTime()).isEqualTo(scanDone); // the later of the saved clock and the scan's progress
        assertThat(clock.eventTimeAt(LATE_EVENING.toEpochMilli())).isEqualTo(scanDone);

        Instant nextDay = Instant.parse("2025-05-20T01:00:00Z");
        assertThat(clock.advance(nextDay.toEpochMilli()).newDay()).isTrue();
        assertThat(due.get("~event-clock")).isEqualTo(Long.toString(LATE_EVENING.toEpochMilli())); // not per record
        clock.saveIfMoved();
        assertThat(due.get("~event-clock")).isEqualTo(Long.toString(nextDay.toEpochMilli()));
        due.put("~event-clock", "1");
        clock.saveIfMoved(); // has not moved since
        assertThat(due.get("~event-clock")).isEqualTo("1");
    }

    @Test
    void shouldTellTheWallClockInTheZone() {
        TaskClock clock = new TaskClock(ClockMode.WALL_CLOCK, SHANGHAI, TaskClock.Slot.text(textStore(), "k"));
        assertThat(clock.known()).isTrue();
        assertThat(clock.today(LATE_EVENING.toEpochMilli())).isEqualTo(LocalDate.of(2025, 5, 19));
        TaskClock utc = new TaskClock(ClockMode.WALL_CLOCK, ZoneId.of("UTC"), TaskClock.Slot.text(textStore(), "k"));
        assertThat(utc.today(Instant.parse("2025-05-19T16:05:00Z").toEpochMilli())).isEqualTo(LocalDate.of(2025, 5, 19));
    }

    @Test
    void shouldCountIndicatorDaysInTheZoneOfTheSeedsTopCourt() {
        assertThat(TaskClock.indicatorZone(IndicatorDriver.SEEDS.courts(), ZoneId.of("UTC"))).isEqualTo(SHANGHAI);
    }

    private static KeyValueStore<String, String> textStore() {
        return init(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("scopes"), Serdes.String(), Serdes.String())
                .withLoggingDisabled().build());
    }

    private static <V> KeyValueStore<String, V> init(KeyValueStore<String, V> store) {
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        store.init(context.getStateStoreContext(), store);
        return store;
    }
}
