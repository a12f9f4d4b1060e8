package org.caseflow.streams.runtime.kafka;

import org.caseflow.CaseflowException;

/** A record could not be published (broker unreachable, topic missing, not authorised ...). */
public final class PublishException extends CaseflowException {
    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
