package org.caseflow.streams.domain.cases;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseflow.events.CaseEvent;
import org.caseflow.streams.domain.seeds.Seeds;

/**
 * The deadline and alert logic of one case, as pure functions of (state, input, now). The Kafka
 * processor only loads and stores state, keeps the due index and forwards what this returns.
 */
public final class CaseEngine {
    /** Limits on events that arrive before their case's filing. */
    public record Settings(Duration orphanTimeout, int maxEventsBeforeFiling) {
        public static Settings defaults() {
            return new Settings(Duration.ofDays(7), 100);
        }
    }

    private final Seeds seeds;
    private final Settings settings;
    private final CaseFolder folder;
    private final CaseEvaluator evaluator;

    public CaseEngine(Seeds seeds, Settings settings) {
        this.seeds = seeds;
        this.settings = settings;
        this.folder = new CaseFolder(seeds.rules());
        this.evaluator = new CaseEvaluator(seeds);
    }

    public Seeds seeds() {
        return seeds;
    }

    /** Applies one event; {@code state} is null for a case never seen. */
    public CaseResult onEvent(CaseState state, CaseEvent event, Instant now) {
        CaseState current = state == null ? CaseState.empty(event.getCaseId(), now) : state;
        if (current.contains(event.getEventId())) {
            return CaseResult.unchanged(current, CaseResult.Outcome.DUPLICATE);
        }
        ZoneId zone = evaluator.zoneOf(event.getCourt());
        List<CaseEvent> events = new ArrayList<>(current.events());
        events.add(event);
        events.sort(CaseFolder.canonicalOrder(zone));
        CaseView view = folder.fold(current.caseId(), events, zone);
        if (!view.filed()) {
            if (current.events().size() >= settings.maxEventsBeforeFiling()) {
                return CaseResult.rejected(current, event, "more than " + settings.maxEventsBeforeFiling()
                        + " events before the case was filed");
            }
            CaseState waiting = new CaseState(current.caseId(), events, current.firstSeenAt(), 0, null, List.of(),
                    current.firstSeenAt().plus(settings.orphanTimeout()), current.reportedRejections(), false);
            return new CaseResult(waiting, List.of(), null, List.of(), CaseResult.Outcome.WAITING_FOR_FILING);
        }
        CaseState withEvents = new CaseState(current.caseId(), events, current.firstSeenAt(),
                current.deadlineVersion(), current.versionDeadline(), current.firing(), current.timerDue(),
                current.reportedRejections(), current.overdue());
        return evaluate(withEvents, view, now, true);
    }

    /** The case's timer is due at {@code now}: cross thresholds, or give up waiting for a filing. */
    public CaseResult onTimer(CaseState state, Instant now) {
        if (state.events().isEmpty()) {
            return new CaseResult(null, List.of(), null, List.of(), CaseResult.Outcome.APPLIED);
        }
        ZoneId zone = evaluator.zoneOf(state.events().get(0).getCourt());
        CaseView view = folder.fold(state.caseId(), state.events(), zone);
        if (!view.filed()) {
            List<CaseResult.Rejection> orphans = state.events().stream()
                    .map(e -> new CaseResult.Rejection(e, "case never filed: no CASE_FILED within "
                            + settings.orphanTimeout()))
                    .toList();
            return new CaseResult(null, List.of(), null, orphans, CaseResult.Outcome.ORPHANED);
        }
        return evaluate(state, view, now, false);
    }

    private CaseResult evaluate(CaseState state, CaseView view, Instant now, boolean snapshot) {
        CaseEvaluator.Evaluation evaluation = evaluator.evaluate(view);
        AlertReconciler.Reconciled reconciled = AlertReconciler.reconcile(state, view, evaluation, now);
        List<CaseResult.Rejection> newRejections = new ArrayList<>();
        Set<String> reported = new HashSet<>(state.reportedRejections());
        for (Map.Entry<String, String> rejection : view.rejections().entrySet()) {
            if (reported.add(rejection.getKey())) {
                state.events().stream().filter(e -> e.getEventId().equals(rejection.getKey())).findFirst()
                        .ifPresent(e -> newRejections.add(new CaseResult.Rejection(e, rejection.getValue())));
            }
        }
        CaseState next = new CaseState(state.caseId(), state.events(), state.firstSeenAt(),
                reconciled.version(), reconciled.versionDeadline(), reconciled.firing(), reconciled.timerDue(),
                Set.copyOf(reported), reconciled.overdue());
        return new CaseResult(next, reconciled.alerts(),
                snapshot || !reconciled.alerts().isEmpty() ? Snapshots.of(view, evaluation, next, now) : null,
                newRejections, newRejections.isEmpty() ? CaseResult.Outcome.APPLIED : CaseResult.Outcome.FLAGGED);
    }

    /** The folded view of a stored case (for queries). */
    public CaseView view(CaseState state) {
        ZoneId zone = evaluator.zoneOf(state.events().get(0).getCourt());
        return folder.fold(state.caseId(), state.events(), zone);
    }

    public CaseEvaluator.Evaluation evaluation(CaseView view) {
        return evaluator.evaluate(view);
    }

    /** The snapshot of a stored case as of {@code now}; empty while the case waits for its filing. */
    public java.util.Optional<org.caseflow.events.CaseSnapshot> snapshot(CaseState state, Instant now) {
        if (state.events().isEmpty()) {
            return java.util.Optional.empty();
        }
        CaseView view = view(state);
        if (!view.filed()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Snapshots.of(view, evaluator.evaluate(view), state, now));
    }
}
