package org.caseflow.streams.domain.indicators;

/** The indicator definition file is malformed; the message names the file, the entry and the reason. */
public class IndicatorDefinitionException extends IndicatorException {
    public IndicatorDefinitionException(String message) {
        super(message);
    }

    public IndicatorDefinitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
