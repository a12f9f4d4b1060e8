package org.caseflow.streams.domain.indicators;

import java.time.YearMonth;

/**
 * One counter delta of one fact: add {@code delta} to slot {@code index} of {@code counter} in the ledger of
 * {@code month} (of every scope the fact fans out to).
 */
public record Effect(YearMonth month, Counter counter, int index, long delta) {
    public Effect {
        if (index < 0 || index >= counter.size()) {
            throw new IllegalArgumentException(counter + " has no slot " + index);
        }
    }

    static Effect of(YearMonth month, Counter counter, long delta) {
        return new Effect(month, counter, 0, delta);
    }
}
