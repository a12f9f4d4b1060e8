package org.caseflow.streams.domain.indicators;

/** A {@link CaseFact} that cannot be counted (missing or impossible field); the topology dead-letters it. */
public class InvalidFactException extends IndicatorException {
    public InvalidFactException(String message) {
        super(message);
    }
}
