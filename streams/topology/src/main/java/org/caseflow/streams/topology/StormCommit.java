package org.caseflow.streams.topology;

/**
 * When a storm of timer work is over, so the task asks Kafka Streams to commit at once
 * ({@code ProcessorContext.commit()}) instead of at the next commit interval. Alerts reach {@code read_committed}
 * consumers only when their transaction commits: at a midnight storm's end the last step's alerts (up to a step of
 * them) would wait up to {@code commit.interval.ms} (1 s) for it, the time a court's storm is measured by.
 *
 * <p>A storm is timer work that ran out of a step (it goes on in the next one) or that filled {@link #STORM_UNITS} in
 * one call; it is over at the first call that leaves nothing due. Quiet work (a handful of timers, as on most
 * midnights of most courts, or each event-time day of a replay) commits at the interval as before: a commit per
 * handful of alerts would cost more transactions than it saves waiting.
 */
final class StormCommit {
    /** Timers fired in one call that make it a storm of its own. */
    static final int STORM_UNITS = 1_000;
    private boolean inStorm;

    /**
     * Records one call of timer work: {@code fired} units taken, {@code drained} when nothing due is left. True when
     * that call ended a storm: commit now.
     */
    boolean afterTimerWork(int fired, boolean drained) {
        if (!drained) {
            inStorm = true;
            return false;
        }
        boolean ended = inStorm || fired >= STORM_UNITS;
        inStorm = false;
        return ended;
    }
}
