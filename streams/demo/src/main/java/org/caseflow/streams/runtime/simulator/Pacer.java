package org.caseflow.streams.runtime.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Objects;
import java.util.function.Consumer;
import org.caseflow.events.CaseEvent;

/**
 * Maps simulated time to wall time for the demo: {@code speed} simulated seconds pass per wall
 * second (86400 = a simulated day per second). Events of the first {@code warmUp} of simulated time
 * (counted from the first event) are let through at once, so a demo starts with a populated court;
 * after that {@link #await} sleeps until an event's wall time. Sleeping is interruptible: Ctrl-C in
 * the demo interrupts the feeding thread and {@link #feed} returns by throwing
 * {@link InterruptedException}.
 */
public final class Pacer {
    /** Wall clock and sleep, replaceable in tests. */
    public interface WallClock {
        long nanoTime();

        void sleepNanos(long nanos) throws InterruptedException;
    }

    public static final WallClock SYSTEM = new WallClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepNanos(long nanos) throws InterruptedException {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
    };

    private final double speed;
    private final Duration warmUp;
    private final WallClock clock;
    private Instant warmUpEnd;
    private Instant lastEvent;
    private long wallAnchor;
    private boolean anchored;

    public Pacer(double speed, Duration warmUp) {
        this(speed, warmUp, SYSTEM);
    }

    public Pacer(double speed, Duration warmUp, WallClock clock) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a positive number of simulated seconds per second, was " + speed);
        }
        if (warmUp.isNegative()) {
            throw new IllegalArgumentException("warm-up must not be negative, was " + warmUp);
        }
        this.speed = speed;
        this.warmUp = warmUp;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Blocks until the wall time of an event that happened at {@code eventTime}. */
    public void await(Instant eventTime) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        long wait = waitNanos(eventTime);
        if (wait > 0) {
            clock.sleepNanos(wait); // outside the lock: simulatedNow() stays answerable meanwhile
        }
    }

    private synchronized long waitNanos(Instant eventTime) {
        if (warmUpEnd == null) {
            warmUpEnd = eventTime.plus(warmUp);
        }
        lastEvent = eventTime;
        if (eventTime.isBefore(warmUpEnd)) {
            return 0;
        }
        if (!anchored) {
            anchored = true;
            wallAnchor = clock.nanoTime();
        }
        long due = wallAnchor + toWallNanos(Duration.between(warmUpEnd, eventTime));
        return due - clock.nanoTime();
    }

    /** Paces every event of the iterator into the sink; returns when the events run out. */
    public void feed(Iterator<CaseEvent> events, Consumer<CaseEvent> sink) throws InterruptedException {
        while (events.hasNext()) {
            CaseEvent event = events.next();
            await(event.getOccurredAt());
            sink.accept(event);
        }
    }

    /**
     * The simulated "now": during warm-up the last event's time, afterwards the warm-up end plus the
     * wall time since then times speed. Null before the first event.
     */
    public synchronized Instant simulatedNow() {
        if (!anchored) {
            return lastEvent;
        }
        double simNanos = (clock.nanoTime() - wallAnchor) * speed;
        return warmUpEnd.plusNanos((long) Math.min(simNanos, Long.MAX_VALUE / 2.0));
    }

    private long toWallNanos(Duration simulated) {
        double nanos = simulated.toNanos() / speed;
        return (long) Math.min(nanos, Long.MAX_VALUE / 4.0);
    }
}
