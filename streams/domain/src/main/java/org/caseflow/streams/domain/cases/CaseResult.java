package org.caseflow.streams.domain.cases;

import java.util.List;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.CaseSnapshot;
import org.caseflow.events.DeadlineAlert;
import org.caseflow.streams.domain.indicators.SignedFact;

/**
 * What applying an event, a link or a timer to a case produced.
 *
 * @param state      the new state; null means delete the case
 * @param alerts     alerts raised or resolved, in order
 * @param snapshot   the case's new snapshot, null when nothing visible changed
 * @param rejections events to send to the dead-letter topic, each with its reason
 * @param outcome    how the input was taken (counted in metrics)
 * @param facts      indicator facts to add (+1) or take back (−1)
 * @param links      links to send to origin cases
 * @param newFlags   compliance flags of the deadline (e.g. EXTENSION_WRONG_APPROVER) this input raised that the case
 *                   did not have before, by code: counted, so an operator can alert on them
 */
public record CaseResult(CaseState state, List<DeadlineAlert> alerts, CaseSnapshot snapshot, List<Rejection> rejections,
        Outcome outcome, List<SignedFact> facts, List<CaseLink> links, List<String> newFlags) {

    public CaseResult(CaseState state, List<DeadlineAlert> alerts, CaseSnapshot snapshot, List<Rejection> rejections,
            Outcome outcome, List<SignedFact> facts, List<CaseLink> links) {
        this(state, alerts, snapshot, rejections, outcome, facts, links, List.of());
    }

    /** How an input was taken. */
    public enum Outcome { APPLIED, FLAGGED, DUPLICATE, WAITING_FOR_FILING, REJECTED, ORPHANED, PURGED }

    /** An event refused with a reason; it goes to the dead-letter topic. */
    public record Rejection(CaseEvent event, String reason) {
    }

    /**
     * This result followed by {@code next}, which was computed from this one's state: the state and snapshot
     * of {@code next} (this snapshot if it has none), everything emitted by both in order, this outcome.
     */
    CaseResult then(CaseResult next) {
        return new CaseResult(next.state(), concat(alerts, next.alerts()),
                next.snapshot() != null ? next.snapshot() : snapshot, concat(rejections, next.rejections()), outcome,
                concat(facts, next.facts()), concat(links, next.links()), concat(newFlags, next.newFlags()));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        if (b.isEmpty()) {
            return a;
        }
        List<T> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    static CaseResult unchanged(CaseState state, Outcome outcome) {
        return new CaseResult(state, List.of(), null, List.of(), outcome, List.of(), List.of());
    }

    static CaseResult rejected(CaseState state, CaseEvent event, String reason) {
        return new CaseResult(state, List.of(), null, List.of(new Rejection(event, reason)), Outcome.REJECTED,
                List.of(), List.of());
    }
}
