package org.caseflow.streams.domain.indicators;

import org.caseflow.CaseflowException;

/** Base of the failures raised on purpose by the indicator domain. */
public class IndicatorException extends CaseflowException {
    public IndicatorException(String message) {
        super(message);
    }

    public IndicatorException(String message, Throwable cause) {
        super(message, cause);
    }
}
