package org.caseflow.streams.runtime;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * How tests wait for something another thread, process or broker does: poll a stated condition often, give up only
 * after a timeout long enough for a slow, busy CI machine. A wait that succeeds returns as soon as its condition holds,
 * so the timeout costs nothing on a fast machine and no test depends on the machine's speed.
 */
public final class Waits {
    /** Bounds a failing wait only; minutes, because two cores shared by a broker and several JVMs can be very slow. */
    public static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final Duration POLL = Duration.ofMillis(100);

    private Waits() {
    }

    /**
     * A wait for {@code condition} (said in words: it names the wait in the failure message), to be finished with
     * {@code until(...)} or {@code untilAsserted(...)}. Exceptions thrown while polling fail the wait at once unless
     * the caller adds {@code ignoreExceptionsInstanceOf(IOException.class)} or the like (not {@code ignoreException},
     * which ignores that exact class only: a {@code ConnectException} would still fail the wait). Uncaught exceptions
     * of other threads are left to their handlers: several tests provoke them in Kafka's threads on purpose.
     */
    public static ConditionFactory await(String condition) {
        return await(condition, PATIENCE);
    }

    /** As {@link #await(String)}, with another timeout for a wait that legitimately takes longer. */
    public static ConditionFactory await(String condition, Duration patience) {
        return Awaitility.await(condition).atMost(patience).pollDelay(Duration.ZERO).pollInterval(POLL)
                .dontCatchUncaughtExceptions();
    }
}
