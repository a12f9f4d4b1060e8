package org.caseflow.streams.runtime.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.caseflow.events.CaseEvent;
import org.caseflow.streams.runtime.Waits;
import org.junit.jupiter.api.Test;

class PacerTest {
    private static final Instant T0 = Instant.parse("2025-01-02T01:00:00Z");

    /** A wall clock that only moves when the pacer sleeps. */
    static final class FakeClock implements Pacer.WallClock {
        long now;
        final List<Long> sleeps = new ArrayList<>();

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepNanos(long nanos) {
            sleeps.add(nanos);
            now += nanos;
        }
    }

    @Test
    void shouldPassWarmUpEventsWithoutSleeping() throws InterruptedException {
        FakeClock clock = new FakeClock();
        Pacer pacer = new Pacer(86_400, Duration.ofDays(7), clock);
        pacer.await(T0);
        pacer.await(T0.plus(Duration.ofDays(3)));
        pacer.await(T0.plus(Duration.ofDays(6)));
        assertThat(clock.sleeps).isEmpty();
        assertThat(pacer.simulatedNow()).isEqualTo(T0.plus(Duration.ofDays(6)));
    }

    @Test
    void shouldSleepASecondPerSimulatedDayAfterWarmUp() throws InterruptedException {
        FakeClock clock = new FakeClock();
        Pacer pacer = new Pacer(86_400, Duration.ofDays(1), clock);
        pacer.await(T0);
        pacer.await(T0.plus(Duration.ofDays(1)));       // the warm-up end: anchors, no wait
        pacer.await(T0.plus(Duration.ofDays(3)));       // two simulated days later
        assertThat(clock.sleeps).containsExactly(TimeUnit.SECONDS.toNanos(2));
        assertThat(pacer.simulatedNow()).isEqualTo(T0.plus(Duration.ofDays(3)));
    }

    @Test
    void shouldNotSleepForEventsThatAreAlreadyDue() throws InterruptedException {
        FakeClock clock = new FakeClock();
        Pacer pacer = new Pacer(3_600, Duration.ZERO, clock);
        pacer.await(T0);
        clock.now += TimeUnit.SECONDS.toNanos(10);      // the sink was slow: 10 simulated hours passed
        pacer.await(T0.plus(Duration.ofHours(5)));
        assertThat(clock.sleeps).isEmpty();
    }

    @Test
    void shouldStopFeedingWhenInterrupted() {
        Pacer pacer = new Pacer(1.0, Duration.ZERO);   // real time: the second event is a day away
        List<CaseEvent> received = new ArrayList<>();
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> pacer.feed(SimulatorTest.simulate(1, 5, 0.05).iterator(), received::add))
                .isInstanceOf(InterruptedException.class);
        assertThat(received).isEmpty();
        assertThat(Thread.interrupted()).isFalse();
    }

    @Test
    void shouldWakeASleepingFeederOnInterrupt() throws Exception {
        Pacer pacer = new Pacer(1.0, Duration.ZERO);
        List<CaseEvent> received = new CopyOnWriteArrayList<>(); // filled by the feeder, read here
        Thread feeder = new Thread(() -> {
            try {
                pacer.feed(SimulatorTest.simulate(1, 5, 0.05).iterator(), received::add);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        feeder.start();
        Waits.await("the first event fed and the feeder asleep until the next (a day away)")
                .until(() -> !received.isEmpty() && feeder.getState() == Thread.State.TIMED_WAITING);
        feeder.interrupt();
        feeder.join(5_000);
        assertThat(feeder.isAlive()).isFalse();
        assertThat(received).hasSize(1);
    }

    @Test
    void shouldRejectNonPositiveSpeed() {
        assertThatThrownBy(() -> new Pacer(0, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
