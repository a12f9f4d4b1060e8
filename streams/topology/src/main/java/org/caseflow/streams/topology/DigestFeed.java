package org.caseflow.streams.topology;

import java.time.LocalDate;
import java.util.List;
import org.caseflow.events.DeadlineAlert;
import org.caseflow.streams.domain.cases.AvroVocabulary;
import org.caseflow.streams.domain.notify.AlertAck;
import org.caseflow.streams.domain.rules.Procedure;

/**
 * Values of {@link TopicNames#digestFeed()} (JSON), keyed by recipient: a batch of alerts and acknowledgements for one
 * recipient, in the order they were raised (what one call of a case task routed to it), or the event clock of one case
 * task (sent to every partition). A single {@code alert} or {@code ack} is what a batch holds, and what the first
 * digest build sent on its own (still read).
 *
 * @param type   {@code batch}, {@code alert}, {@code ack} or {@code clock} ({@code prune} in the entry log only)
 * @param at     when the alert was raised or resolved (its record time), the ack made, or the clock stands (millis)
 * @param source the case task's partition (clock only)
 * @param items  the alerts and acks of a batch, in order (batch only)
 */
public record DigestFeed(String type, String recipient, String alertId, String caseId, String court, Procedure procedure,
        String level, String status, LocalDate deadline, long at, int source, List<DigestFeed> items) {
    static final String BATCH = "batch";
    static final String ALERT = "alert";
    static final String ACK = "ack";
    static final String CLOCK = "clock";
    /**
     * Never on the feed topic: in a recipient's entry log ({@link DigestEntryLog}), "entries resolved before
     * {@code at} were dropped here" (the digest periods that could count them have closed).
     */
    static final String PRUNE = "prune";

    static DigestFeed alert(String recipient, DeadlineAlert a, long at) {
        return new DigestFeed(ALERT, recipient, a.getAlertId(), a.getCaseId(), a.getCourt(),
                AvroVocabulary.procedure(a.getProcedure()),
                a.getLevel().name(), a.getStatus().name(), a.getDeadline(), at, -1, null);
    }

    static DigestFeed ack(String recipient, AlertAck ack, long at) {
        return new DigestFeed(ACK, recipient, ack.alertId(), ack.caseId(), ack.court(), null, null, null, null, at, -1,
                null);
    }

    static DigestFeed batch(String recipient, List<DigestFeed> items) {
        long at = items.isEmpty() ? 0 : items.get(items.size() - 1).at();
        return new DigestFeed(BATCH, recipient, null, null, null, null, null, null, null, at, -1, List.copyOf(items));
    }

    static DigestFeed prune(long before) {
        return new DigestFeed(PRUNE, null, null, null, null, null, null, null, null, before, -1, null);
    }

    static DigestFeed clock(int source, long at) {
        return new DigestFeed(CLOCK, null, null, null, null, null, null, null, null, at, source, null);
    }
}
