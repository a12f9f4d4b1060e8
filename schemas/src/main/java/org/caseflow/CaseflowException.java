package org.caseflow;

/** The one unchecked base exception of Caseflow; every failure the code raises on purpose extends it. */
public class CaseflowException extends RuntimeException {
    public CaseflowException(String message) {
        super(message);
    }

    public CaseflowException(String message, Throwable cause) {
        super(message, cause);
    }
}
