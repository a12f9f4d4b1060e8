package org.caseflow.streams.domain.rules;

import org.caseflow.CaseflowException;

/** A procedure code that the rule table does not know: bad input, never a crash of the stream. */
public class UnknownProcedureException extends CaseflowException {
    public UnknownProcedureException(String code) {
        super("unknown procedure code '" + code + "'");
    }
}
