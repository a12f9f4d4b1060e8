package org.caseflow.streams.domain.indicators;

/**
 * A fact as it travels from the case processor to the indicator processor: +1 adds it, −1 takes
 * back a fact the case no longer supports (a late correction: a closure moved, an event rejected).
 */
public record SignedFact(CaseFact fact, int sign) {
    public SignedFact {
        if (sign != 1 && sign != -1) {
            throw new IllegalArgumentException("sign must be +1 or -1, got " + sign);
        }
    }

    public SignedFact negate() {
        return new SignedFact(fact, -sign);
    }
}
