package org.caseflow.streams.runtime.jsonl;

import org.caseflow.CaseflowException;

/** Thrown inside the parser when a field of a line is bad; becomes a {@link ParsedLine.Invalid}. */
final class LineRejection extends CaseflowException {
    private final String field;
    private final String reason;

    LineRejection(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    String field() {
        return field;
    }

    String reason() {
        return reason;
    }
}
