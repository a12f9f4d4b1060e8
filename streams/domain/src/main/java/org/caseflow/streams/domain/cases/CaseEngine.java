package org.caseflow.streams.domain.cases;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.CaseSnapshot;
import org.caseflow.streams.domain.alerts.Escalation;
import org.caseflow.streams.domain.alerts.ThresholdDays;
import org.caseflow.streams.domain.indicators.CaseFact;
import org.caseflow.streams.domain.indicators.FactKind;
import org.caseflow.streams.domain.indicators.SignedFact;
import org.caseflow.streams.domain.rules.Category;
import org.caseflow.streams.domain.rules.Instance;
import org.caseflow.streams.domain.rules.LeadTimes;
import org.caseflow.streams.domain.rules.ProcedureRule;
import org.caseflow.streams.domain.seeds.Seeds;
import org.caseflow.streams.domain.courts.CourtId;

/**
 * The deadline, alert and indicator-fact logic of one case, as pure functions of (state, input,
 * now). The Kafka processor only loads and stores state, keeps the due index and forwards what
 * this returns.
 */
public final class CaseEngine {
    /**
     * @param orphanTimeout          how long events wait for their case's filing
     * @param maxEventsBeforeFiling  how many may wait
     * @param performanceObservation how long after the performance due date an enforcement filing
     *                               still counts against voluntary performance (自动履行)
     * @param closedRetention        how long a closed case's state is kept after its closing day: late
     *                               events and duplicates are recognised meanwhile; afterwards the state
     *                               is dropped (links to it fall back to the case number) so the store
     *                               holds open cases plus a bounded tail, not every case ever filed
     * @param overdueReminderDays    days between OVERDUE reminders (DESIGN.md section 5: 7); the reminder number is
     *                               part of the alert id, and the threshold-day index scan steps by it
     * @param higherCourtAfterDays   days overdue from which reminders also escalate to the higher court
     * @param defaultZone            the time zone of a court the registry does not know (DESIGN.md section 5:
     *                               Asia/Shanghai); courts of the seeds carry their own
     */
    public record Settings(Duration orphanTimeout, int maxEventsBeforeFiling, Duration performanceObservation,
            Duration closedRetention, int overdueReminderDays, int higherCourtAfterDays, ZoneId defaultZone) {
        public Settings {
            if (overdueReminderDays < 1) {
                throw new IllegalArgumentException("overdueReminderDays must be at least 1, got " + overdueReminderDays);
            }
            if (higherCourtAfterDays < 0) {
                throw new IllegalArgumentException("higherCourtAfterDays must be 0 or more, got " + higherCourtAfterDays);
            }
            java.util.Objects.requireNonNull(defaultZone, "defaultZone");
        }

        public static Settings defaults() {
            return new Settings(Duration.ofDays(7), 100, Duration.ofDays(30), Duration.ofDays(730), 7, 30,
                    ZoneId.of("Asia/Shanghai"));
        }

        /** The days of the thresholds' OVERDUE reminders, for the deadline-index scan. */
        public ThresholdDays thresholdDays() {
            return new ThresholdDays(overdueReminderDays);
        }
    }

    private final Seeds seeds;
    private final Settings settings;
    private final CaseFolder folder;
    private final CaseEvaluator evaluator;
    private final AlertReconciler reconciler;

    public CaseEngine(Seeds seeds, Settings settings) {
        this.seeds = seeds;
        this.settings = settings;
        this.folder = new CaseFolder(seeds.rules());
        this.evaluator = new CaseEvaluator(seeds, settings.defaultZone(), settings.overdueReminderDays());
        this.reconciler = new AlertReconciler(new Escalation(settings.higherCourtAfterDays()));
    }

    public Seeds seeds() {
        return seeds;
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Evaluates an open case again because the reference data changed (issue 15): its deadline under this engine's
     * seeds, alerts reconciled exactly as when an event moves the deadline (a new deadline version; the old version's
     * alerts resolve), facts diffed against its evaluation under {@code before} (the engine of the data before; null
     * when unknown, then only the overdue flag can change facts), a snapshot citing the new versions. Empty when
     * {@code before} computes the same deadline with the same versions: nothing to send.
     */
    public Optional<CaseResult> recompute(EventLog log, CaseState state, CaseEngine before, Instant now) {
        CaseView view = state.view();
        if (view == null || !view.filed() || view.closed()) {
            return Optional.empty();
        }
        // The versions are compared first (a map kept per jurisdiction): a case whose versions did not change is not
        // evaluated at all, instead of once under the data before for nothing.
        if (before != null && before.evaluator.versionsOf(view.court())
                .equals(evaluator.versionsOf(view.court()))) {
            return Optional.empty();
        }
        CaseEvaluator.Evaluation old = before == null ? null : before.evaluator.evaluate(view);
        CaseEvaluator.Evaluation known = old != null ? old : evaluator.evaluate(view);
        return Optional.of(evaluate(log, state, view, view, now, true, known));
    }

    /**
     * Applies one event; {@code state} is null for a case never seen. An accepted event is appended to
     * {@code log}; the log is read whole only when the event sorts before one already folded.
     */
    public CaseResult onEvent(EventLog log, CaseState state, CaseEvent event, Instant now) {
        CaseState current = state == null ? CaseState.empty(new CaseId(event.getCaseId()), now) : state;
        if (log.contains(current.caseId().value(), event.getEventId())) {
            return CaseResult.unchanged(current, CaseResult.Outcome.DUPLICATE);
        }
        ZoneId zone = evaluator.zoneOf(CourtId.ofUnchecked(event.getCourt()));
        FoldPoint next = folder.advance(current.caseId(), current.fold(), event, zone,
                () -> log.events(current.caseId().value()));
        CaseView view = next.view();
        if (!view.filed()) {
            if (current.eventCount() >= settings.maxEventsBeforeFiling()) {
                return CaseResult.rejected(current, event, "more than " + settings.maxEventsBeforeFiling()
                        + " events before the case was filed");
            }
            log.append(event);
            CaseState waiting = current.withFold(next)
                    .withTimer(current.firstSeenAt().plus(settings.orphanTimeout()));
            return new CaseResult(waiting, List.of(), null, List.of(), CaseResult.Outcome.WAITING_FOR_FILING,
                    List.of(), List.of());
        }
        log.append(event);
        return evaluate(log, current.withFold(next), current.view(), view, now, true, null);
    }

    /**
     * An event that arrives after the clock has passed its own time ({@code occurredAt} before
     * {@code clock}, live on event time only: replay applies events in time order). It is applied as of its
     * own time, so the alerts it makes wrong (a closing, an extension or a suspension reported late) are
     * resolved as they would have been, and then the case is brought up to the clock: what is really due by
     * then fires once.
     */
    public CaseResult onLateEvent(EventLog log, CaseState state, CaseEvent event, Instant clock) {
        CaseResult asOfItsTime = onEvent(log, state, event, event.getOccurredAt());
        CaseState applied = asOfItsTime.state();
        if (applied == null || applied.view() == null || !applied.view().filed()
                || asOfItsTime.outcome() == CaseResult.Outcome.DUPLICATE
                || asOfItsTime.outcome() == CaseResult.Outcome.REJECTED) {
            return asOfItsTime;
        }
        return asOfItsTime.then(onTimer(log, applied.withTimer(null), clock));
    }

    /** The case's timer is due at {@code now}: cross thresholds, judge performance, or give up waiting for a filing. */
    public CaseResult onTimer(EventLog log, CaseState state, Instant now) {
        if (state.fold() == null) {
            log.removeAll(state.caseId().value());
            return new CaseResult(null, List.of(), null, List.of(), CaseResult.Outcome.APPLIED, List.of(), List.of());
        }
        CaseView view = state.view();
        if (!view.filed()) {
            List<CaseEvent> waiting = log.events(state.caseId().value());
            ZoneId zone = waiting.isEmpty() ? settings.defaultZone() : evaluator.zoneOf(CourtId.ofUnchecked(waiting.get(0).getCourt()));
            List<CaseResult.Rejection> orphans = waiting.stream()
                    .sorted(CaseFolder.canonicalOrder(zone))
                    .map(e -> new CaseResult.Rejection(e, "case never filed: no CASE_FILED within "
                            + settings.orphanTimeout()))
                    .toList();
            log.removeAll(state.caseId().value());
            return new CaseResult(null, List.of(), null, orphans, CaseResult.Outcome.ORPHANED, List.of(), List.of());
        }
        Instant purge = purgeAt(view, state.performanceObserved());
        if (purge != null && !now.isBefore(purge)) {
            log.removeAll(state.caseId().value());
            return new CaseResult(null, List.of(), null, List.of(), CaseResult.Outcome.PURGED, List.of(), List.of());
        }
        return evaluate(log, state, view, view, now, false, null);
    }

    /**
     * 00:00 after the retention of a closed case, in the court's zone, and never before a pending
     * voluntary-performance observation is judged; null while the case is open.
     */
    private Instant purgeAt(CaseView view, boolean performanceObserved) {
        if (!view.closed()) {
            return null;
        }
        Instant purge = view.closedOn().plusDays(settings.closedRetention().toDays() + 1)
                .atStartOfDay(evaluator.zoneOf(view.court())).toInstant();
        Instant performance = performanceDue(view, evaluator.zoneOf(view.court()), performanceObserved);
        return performance != null && performance.isAfter(purge) ? performance : purge;
    }

    /**
     * A derived case was filed or closed against this (origin) case: attribute it to this case's
     * court and category. An origin never filed here (it predates Caseflow) is read from its case
     * number; an unreadable one is rejected with a reason.
     */
    public LinkResult onLink(CaseState state, CaseLink link) {
        CaseView origin = state == null ? null : state.view();
        List<SignedFact> facts = new ArrayList<>();
        if (origin != null && origin.filed()) {
            Optional<ProcedureRule> rule = seeds.rules().find(origin.procedure());
            Category category = rule.map(ProcedureRule::category).orElse(Category.CIVIL);
            Instance instance = rule.map(ProcedureRule::instance).orElse(null);
            CaseId root = origin.originCaseId() != null ? origin.originCaseId() : origin.caseId();
            FactDeriver.attributed(link, CourtId.raw(origin.court()), category, instance, root.value())
                    .forEach(f -> facts.add(new SignedFact(f, link.sign())));
            CaseState next = state;
            if (link.derivedInstance() == Instance.ENFORCEMENT && link.kind() == CaseLink.Kind.FILED) {
                next = state.withEnforcementFiled(link.sign() > 0);
            }
            return new LinkResult(next, facts, null);
        }
        Optional<CaseNumbers.Parsed> parsed = seeds.caseNumbers().parse(link.originCaseId());
        if (parsed.isEmpty()) {
            return new LinkResult(state, facts, "origin case " + link.originCaseId()
                    + " is unknown and its case number cannot be read");
        }
        CaseNumbers.Parsed p = parsed.get();
        FactDeriver.attributed(link, p.court(), p.category(), p.instance(), link.originCaseId())
                .forEach(f -> facts.add(new SignedFact(f, link.sign())));
        return new LinkResult(state, facts, null);
    }

    /** What a link did: the origin's new state (unchanged or null when unknown), facts, or why it was refused. */
    public record LinkResult(CaseState state, List<SignedFact> facts, String rejection) {
    }

    private CaseResult evaluate(EventLog log, CaseState state, CaseView before, CaseView view, Instant now,
            boolean changed, CaseEvaluator.Evaluation knownOld) {
        CaseEvaluator.Evaluation evaluation = evaluator.evaluate(view);
        AlertReconciler.Reconciled reconciled = reconciler.reconcile(state, view, evaluation, now);
        Optional<ProcedureRule> rule = evaluation.rule();
        Category category = rule.map(ProcedureRule::category).orElse(Category.CIVIL);
        Instance instance = rule.map(ProcedureRule::instance).orElse(null);

        List<SignedFact> facts = new ArrayList<>();
        List<CaseLink> links = new ArrayList<>();
        CaseEvaluator.Evaluation old = knownOld != null ? knownOld : before == null || !before.filed() ? null
                : before == view ? evaluation : evaluator.evaluate(before);
        Category oldCategory = old == null ? category : old.rule().map(ProcedureRule::category).orElse(category);
        Instance oldInstance = old == null ? instance : old.rule().map(ProcedureRule::instance).orElse(instance);
        // A timer (same view, same evaluation) that leaves the overdue flag alone changes no fact: a midnight storm
        // of threshold crossings derives none.
        boolean factsUnchanged = before == view && old == evaluation && state.overdue() == reconciled.overdue();
        if (!factsUnchanged) {
            FactDeriver.diff(old == null ? List.of()
                            : FactDeriver.own(before, old.deadline(), oldCategory, oldInstance, state.overdue()),
                    FactDeriver.own(view, evaluation.deadline(), category, instance, reconciled.overdue()),
                    (fact, sign) -> facts.add(new SignedFact(fact, sign)));
        }
        // Links follow the view and the instance alone: a recomputation (same view) that leaves the instance derives none.
        if (changed && !(before == view && java.util.Objects.equals(oldInstance, instance) && old != null)) {
            FactDeriver.diff(old == null ? List.of() : FactDeriver.links(before, oldInstance),
                    FactDeriver.links(view, instance),
                    (link, sign) -> links.add(sign > 0 ? link : link.negate()));
        }

        boolean observed = state.performanceObserved();
        Instant performanceDue = performanceDue(view, evaluation, observed);
        if (performanceDue != null && !now.isBefore(performanceDue)) {
            LocalDate end = view.performanceDueOn().plusDays(settings.performanceObservation().toDays());
            facts.add(new SignedFact(CaseFact.simple(FactKind.PERFORMANCE_OBSERVED, view.caseId().value(), CourtId.raw(view.court()),
                    category, instance, end, !state.enforcementFiled()), 1));
            observed = true;
            performanceDue = null;
        }

        List<CaseResult.Rejection> newRejections = new ArrayList<>();
        Set<String> reported = new HashSet<>(state.reportedRejections());
        Map<String, CaseEvent> history = null;
        for (Map.Entry<String, String> rejection : view.rejections().entrySet()) {
            if (reported.add(rejection.getKey())) {
                if (history == null) {
                    // Rare (an event refused by the fold): only then is the history read.
                    history = new HashMap<>();
                    for (CaseEvent e : log.events(state.caseId().value())) {
                        history.put(e.getEventId(), e);
                    }
                }
                CaseEvent refused = history.get(rejection.getKey());
                if (refused != null) {
                    newRejections.add(new CaseResult.Rejection(refused, rejection.getValue()));
                }
            }
        }
        Instant wakeUp = earliest(performanceDue, purgeAt(view, observed));
        CaseState next = new CaseState(state.caseId(), state.fold(), state.firstSeenAt(), reconciled.version(),
                reconciled.versionDeadline(), reconciled.firing(), earliest(reconciled.timerDue(), wakeUp), wakeUp,
                Set.copyOf(reported), reconciled.overdue(), state.enforcementFiled(), observed,
                atRisk(view, evaluation));
        // A timer changes nothing a snapshot shows (alerts are not part of it): only events send snapshots.
        CaseSnapshot snapshot = changed ? Snapshots.of(view, evaluation, next, now, evaluator) : null;
        if (snapshot != null && knownOld == null && reconciled.alerts().isEmpty() && old != null
                && Snapshots.sameButTime(Snapshots.of(before, old, state, now, evaluator), snapshot)) {
            // Nothing a reader of the compacted snapshot topic sees has changed (a hearing scheduled, a payment):
            // the latest snapshot stands, one record fewer per such event.
            snapshot = null;
        }
        return new CaseResult(next, reconciled.alerts(), snapshot, newRejections,
                newRejections.isEmpty() ? CaseResult.Outcome.APPLIED : CaseResult.Outcome.FLAGGED, facts, links,
                changed ? newFlags(old, evaluation) : List.of());
    }

    /** Codes of the deadline's flags that the previous evaluation did not have (all of them for a first one). */
    private static List<String> newFlags(CaseEvaluator.Evaluation old, CaseEvaluator.Evaluation now) {
        List<String> flags = now.deadline().flags();
        if (flags.isEmpty()) {
            return List.of();
        }
        Set<String> before = old == null ? Set.of() : new HashSet<>(old.deadline().flags());
        List<String> codes = new ArrayList<>();
        for (String flag : flags) {
            if (!before.contains(flag)) {
                int colon = flag.indexOf(':');
                codes.add(colon < 0 ? flag : flag.substring(0, colon));
            }
        }
        return List.copyOf(codes);
    }

    /**
     * Where the case sits in its court's deadline index: open cases by deadline day. Closed cases,
     * cases without a deadline and cases whose clock stands still (an open suspension: no deadline
     * passes) are not listed.
     */
    private static AtRiskListing atRisk(CaseView view, CaseEvaluator.Evaluation evaluation) {
        if (view.closed() || evaluation.deadline().date() == null) {
            return null;
        }
        return new AtRiskListing(view.court(), evaluation.deadline().date());
    }

    /** 00:00 after the observation period of an effective monetary judgment, while not yet judged. */
    private Instant performanceDue(CaseView view, CaseEvaluator.Evaluation evaluation, boolean observed) {
        return performanceDue(view, evaluation.zone(), observed);
    }

    private Instant performanceDue(CaseView view, java.time.ZoneId zone, boolean observed) {
        if (observed || !view.monetaryJudgment() || view.performanceDueOn() == null) {
            return null;
        }
        return view.performanceDueOn().plusDays(settings.performanceObservation().toDays() + 1)
                .atStartOfDay(zone).toInstant();
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    /** The folded view of a stored case (for queries); null for a case without events. */
    public CaseView view(CaseState state) {
        return state.view();
    }

    public CaseEvaluator.Evaluation evaluation(CaseView view) {
        return evaluator.evaluate(view);
    }

    /** The snapshot of a stored case as of {@code now}; empty while the case waits for its filing. */
    public Optional<CaseSnapshot> snapshot(CaseState state, Instant now) {
        CaseView view = state.view();
        if (view == null || !view.filed()) {
            return Optional.empty();
        }
        return Optional.of(Snapshots.of(view, evaluator.evaluate(view), state, now, evaluator));
    }

    /**
     * The calendar of a court's deadlines. A deadline on a day of a year it does not cover is computed on weekends
     * only and may move when that year's holiday schedule is published.
     */
    public org.caseflow.streams.domain.calendar.WorkCalendar calendarOf(CourtId court) {
        return evaluator.calendarOf(court);
    }

    /** The time zone of a court (its thresholds fall at local midnight). */
    public ZoneId zoneOf(CourtId court) {
        return evaluator.zoneOf(court);
    }

    /** Every zone a court can be in: those of the registry and the default for courts it does not know. */
    public Set<ZoneId> zones() {
        Set<ZoneId> zones = new HashSet<>();
        zones.add(settings.defaultZone());
        seeds.courts().all().forEach(c -> zones.add(c.zone()));
        return Set.copyOf(zones);
    }

    /** The lead times of a case's procedure: with its deadline day they fix the days of its thresholds. */
    public LeadTimes leadTimes(CaseView view) {
        return seeds.rules().find(view.procedure()).map(ProcedureRule::leadTimes).orElse(LeadTimes.DEFAULT);
    }

    /** Every lead-time profile a case can have: those of the rule table and the default. */
    public Set<LeadTimes> leadTimeProfiles() {
        Set<LeadTimes> profiles = new HashSet<>();
        profiles.add(LeadTimes.DEFAULT);
        seeds.rules().all().forEach(r -> profiles.add(r.leadTimes()));
        return Set.copyOf(profiles);
    }

}
