package org.caseflow.streams.topology;

import java.util.List;
import org.caseflow.streams.domain.notify.AlertAck;

/** Reads a value of {@link StoreNames#ALERT_ACKS} (for the case view). */
public final class AlertAcks {
    private AlertAcks() {
    }

    /** The acknowledgements stored for a case, oldest first; empty for null. */
    public static List<AlertAck> of(String storedJson) {
        return AlertAckProcessor.read(storedJson);
    }
}
