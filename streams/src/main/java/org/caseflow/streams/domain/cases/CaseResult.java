package org.caseflow.streams.domain.cases;

import java.util.List;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.CaseSnapshot;
import org.caseflow.events.DeadlineAlert;

/**
 * What applying an event or a timer to a case produced.
 *
 * @param state       the new state; null means delete the case
 * @param alerts      alerts raised or resolved, in order
 * @param snapshot    the case's new snapshot, null when nothing visible changed
 * @param rejections  events to send to the dead-letter topic, each with its reason
 * @param outcome     how the input was taken (counted in metrics)
 */
public record CaseResult(CaseState state, List<DeadlineAlert> alerts, CaseSnapshot snapshot, List<Rejection> rejections,
        Outcome outcome) {

    /** How an input was taken. */
    public enum Outcome { APPLIED, FLAGGED, DUPLICATE, WAITING_FOR_FILING, REJECTED, ORPHANED }

    /** An event refused with a reason; it goes to the dead-letter topic. */
    public record Rejection(CaseEvent event, String reason) {
    }

    static CaseResult unchanged(CaseState state, Outcome outcome) {
        return new CaseResult(state, List.of(), null, List.of(), outcome);
    }

    static CaseResult rejected(CaseState state, CaseEvent event, String reason) {
        return new CaseResult(state, List.of(), null, List.of(new Rejection(event, reason)), Outcome.REJECTED);
    }
}
