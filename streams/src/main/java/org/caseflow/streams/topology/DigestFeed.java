package org.caseflow.streams.topology;

import java.time.LocalDate;
import org.caseflow.events.DeadlineAlert;
import org.caseflow.streams.domain.notify.AlertAck;

/**
 * Values of {@link TopicNames#digestFeed()} (JSON), keyed by recipient: an alert or acknowledgement for one recipient,
 * or the event clock of one case task (sent to every partition).
 *
 * @param type   {@code alert}, {@code ack} or {@code clock}
 * @param at     when the alert was raised or resolved (its record time), the ack made, or the clock stands (millis)
 * @param source the case task's partition (clock only)
 */
public record DigestFeed(String type, String recipient, String alertId, String caseId, String court, String procedure,
        String level, String status, LocalDate deadline, long at, int source) {
    static final String ALERT = "alert";
    static final String ACK = "ack";
    static final String CLOCK = "clock";

    static DigestFeed alert(String recipient, DeadlineAlert a, long at) {
        return new DigestFeed(ALERT, recipient, a.getAlertId(), a.getCaseId(), a.getCourt(), a.getProcedure().name(),
                a.getLevel().name(), a.getStatus().name(), a.getDeadline(), at, -1);
    }

    static DigestFeed ack(String recipient, AlertAck ack, long at) {
        return new DigestFeed(ACK, recipient, ack.alertId(), ack.caseId(), ack.court(), null, null, null, null, at, -1);
    }

    static DigestFeed clock(int source, long at) {
        return new DigestFeed(CLOCK, null, null, null, null, null, null, null, null, at, source);
    }
}
