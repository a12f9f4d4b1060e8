package org.caseflow.streams.runtime.kafka;

import org.caseflow.CaseflowException;

/** No broker of the configured bootstrap servers answered in time; the message names them. */
public final class KafkaUnreachableException extends CaseflowException {
    private final String bootstrapServers;

    public KafkaUnreachableException(String bootstrapServers, String message, Throwable cause) {
        super(message, cause);
        this.bootstrapServers = bootstrapServers;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }
}
