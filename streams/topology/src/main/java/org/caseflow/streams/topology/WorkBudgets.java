package org.caseflow.streams.topology;

import java.time.Duration;

/**
 * Wall-clock bounds on the work of one processing step, and the pause before a failed timer is tried again; built by
 * the runtime from {@code caseflow.tick.budget.ms}, {@code caseflow.indicators.flush.budget.ms} and
 * {@code caseflow.timer.retry.ms}.
 *
 * @param tick       most wall time one step of timer work (case timers, digest closing) takes before it stops and
 *                   leaves the rest to the next step; well under transaction.timeout.ms and max.poll.interval.ms.
 *                   Offline replay, with unbounded steps, does not apply it
 * @param flush      most wall time one flush of the indicator processor takes once it has computed its minimum of
 *                   periods (a small backlog is always flushed whole, however slow the machine)
 * @param timerRetry how much later a timer whose evaluation failed is tried again: not in a hot loop
 */
public record WorkBudgets(Duration tick, Duration flush, Duration timerRetry) {
    public static final WorkBudgets DEFAULT = new WorkBudgets(Duration.ofMillis(500), Duration.ofMillis(500),
            Duration.ofHours(1));

    public WorkBudgets {
        if (notPositive(tick) || notPositive(flush) || notPositive(timerRetry)) {
            throw new IllegalArgumentException("work budgets and the timer retry must be positive, got " + tick + ", "
                    + flush + ", " + timerRetry);
        }
    }

    private static boolean notPositive(Duration d) {
        return d.isNegative() || d.isZero();
    }
}
