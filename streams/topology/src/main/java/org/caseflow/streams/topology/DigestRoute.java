package org.caseflow.streams.topology;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.caseflow.events.DeadlineAlert;
import org.caseflow.streams.domain.notify.AlertAck;

/**
 * What the case and ack processors hand the {@link DigestRouter}: an alert or an acknowledgement with the recipients
 * the alert was escalated to when it fired ({@code FiringAlert.escalatedTo}, kept in the case record). The router
 * needs no store of its own: a RESOLVED reaches its FIRING's recipients (a judge reassigned in between still sees the
 * case leave their digest), and an ack reaches the recipients of the alert it acknowledges.
 *
 * @param alert   the alert (null for an ack)
 * @param ack     the acknowledgement (null for an alert)
 * @param firedTo the alert's escalateTo when it fired (empty for a FIRING, whose own escalateTo is that)
 * @param at      when the alert was raised or resolved, or the ack arrived (its record time, millis)
 */
record DigestRoute(DeadlineAlert alert, AlertAck ack, List<String> firedTo, long at) {
    static final String COURT_PREFIX = "court:";

    static DigestRoute alert(DeadlineAlert alert, List<String> firedTo, long at) {
        return new DigestRoute(alert, null, firedTo, at);
    }

    static DigestRoute ack(AlertAck ack, String court, List<String> firedTo, long at) {
        return new DigestRoute(null, ack, withCourt(firedTo, court), at);
    }

    /** The digest recipients: the alert's own escalateTo, where it fired, and its court ({@code court:<code>}). */
    Set<String> recipients() {
        Set<String> recipients = new LinkedHashSet<>();
        if (alert != null) {
            recipients.addAll(alert.getEscalateTo());
            recipients.addAll(firedTo);
            recipients.add(COURT_PREFIX + alert.getCourt());
        } else {
            recipients.addAll(firedTo);
        }
        return recipients;
    }

    private static List<String> withCourt(List<String> firedTo, String court) {
        Set<String> all = new LinkedHashSet<>(firedTo);
        all.add(COURT_PREFIX + court);
        return List.copyOf(all);
    }
}
