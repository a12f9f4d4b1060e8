package org.caseflow.streams.domain.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.caseflow.events.AlertLevel;
import org.caseflow.events.AlertStatus;
import org.caseflow.events.DeadlineAlert;
import org.caseflow.streams.domain.alerts.AlertThresholds;
import org.caseflow.streams.domain.alerts.Escalation;
import org.caseflow.streams.domain.deadline.Deadline;
import org.caseflow.streams.domain.courts.CourtId;
import org.caseflow.streams.domain.courts.JudgeId;

/**
 * Brings a case's alerts in line with its deadline at a given instant.
 * <ul>
 *   <li>A closed case, or one without a deadline, resolves every firing alert.</li>
 *   <li>While the clock stands still (an open excluded period) nothing fires: the days left do not
 *       change. A breach resolves if the clock stopped on or before the deadline (reported late).</li>
 *   <li>A new deadline day starts a new version: the old version's alerts resolve, and the level
 *       now reached fires under the new version (alert ids carry the version).</li>
 *   <li>Otherwise the highest threshold crossed fires once; the next threshold becomes the timer. When that is an
 *       OVERDUE reminder and the version has not fired BREACHED yet (one evaluation crossed several thresholds,
 *       e.g. an event recorded late or an instance down for days), BREACHED fires first: a consumer watching
 *       breaches never misses one.</li>
 * </ul>
 */
final class AlertReconciler {
    /** Who hears of an alert: the engine's settings say when the higher court joins. */
    private final Escalation escalation;

    AlertReconciler(Escalation escalation) {
        this.escalation = escalation;
    }

    record Reconciled(List<DeadlineAlert> alerts, List<FiringAlert> firing, int version, LocalDate versionDeadline,
            Instant timerDue, boolean overdue) {
    }

    Reconciled reconcile(CaseState state, CaseView view, CaseEvaluator.Evaluation evaluation, Instant now) {
        List<DeadlineAlert> out = new ArrayList<>();
        List<FiringAlert> firing = new ArrayList<>(state.firing());
        int version = state.deadlineVersion();
        LocalDate versionDeadline = state.versionDeadline();
        Deadline deadline = evaluation.deadline();

        if (view.closed() || deadline.kind() == Deadline.Kind.NONE) {
            resolveAll(firing, view, evaluation, now, out);
            return new Reconciled(out, List.of(), version, versionDeadline, null, false);
        }
        if (deadline.kind() == Deadline.Kind.CLOCK_STOPPED) {
            // The clock stopped on or before the deadline of the current version (the engine counts
            // only such exclusions), so the case is not overdue while it stands still: a suspension
            // reported late takes back the breach it seemed to have.
            boolean overdue = state.overdue();
            LocalDate stoppedOn = view.exclusions().stream().filter(e -> e.interval().until() == null)
                    .map(e -> e.interval().from()).min(LocalDate::compareTo).orElse(null);
            if (versionDeadline != null && stoppedOn != null && !stoppedOn.isAfter(versionDeadline)) {
                resolve(firing, f -> f.level() == AlertLevel.BREACHED || f.level() == AlertLevel.OVERDUE, view,
                        evaluation, now, out);
                overdue = false;
            }
            return new Reconciled(out, firing, version, versionDeadline, null, overdue);
        }
        if (!deadline.date().equals(versionDeadline)) {
            resolveAll(firing, view, evaluation, now, out);
            version++;
            versionDeadline = deadline.date();
        }
        AlertThresholds thresholds = evaluation.thresholds();
        Optional<AlertThresholds.Step> step = thresholds.current(now);
        int topRank = firing.stream().mapToInt(FiringAlert::rank).max().orElse(-1);
        if (step.isPresent() && step.get().rank() > topRank) {
            int left = thresholds.daysRemaining(thresholds.today(now));
            if (step.get().level() == AlertLevel.OVERDUE && topRank < AlertLevel.BREACHED.ordinal()) {
                fire(thresholds.breached(), firing, view, evaluation, deadline.date(), version, left, now, out);
            }
            fire(step.get(), firing, view, evaluation, deadline.date(), version, left, now, out);
        }
        boolean overdue = thresholds.daysRemaining(thresholds.today(now)) < 0;
        return new Reconciled(out, firing, version, versionDeadline, thresholds.next(now), overdue);
    }

    private void fire(AlertThresholds.Step s, List<FiringAlert> firing, CaseView view,
            CaseEvaluator.Evaluation evaluation, LocalDate deadline, int version, int left, Instant now,
            List<DeadlineAlert> out) {
        String alertId = view.caseId() + "/v" + version + "/" + s.key();
        DeadlineAlert alert = alert(alertId, s, AlertStatus.FIRING, view, evaluation, deadline, version, left, now);
        firing.add(new FiringAlert(alertId, s.level(), s.reminder(), s.rank(), version, deadline, alert.getEscalateTo()));
        out.add(alert);
    }

    private void resolveAll(List<FiringAlert> firing, CaseView view, CaseEvaluator.Evaluation evaluation,
            Instant now, List<DeadlineAlert> out) {
        resolve(firing, f -> true, view, evaluation, now, out);
    }

    /** Resolves (and forgets) the firing alerts that match. */
    private void resolve(List<FiringAlert> firing, Predicate<FiringAlert> which, CaseView view,
            CaseEvaluator.Evaluation evaluation, Instant now, List<DeadlineAlert> out) {
        LocalDate today = now.atZone(evaluation.zone()).toLocalDate();
        for (Iterator<FiringAlert> it = firing.iterator(); it.hasNext();) {
            FiringAlert f = it.next();
            if (!which.test(f)) {
                continue;
            }
            AlertThresholds.Step step = new AlertThresholds.Step(f.level(), f.reminder(), now);
            int left = (int) (f.deadline().toEpochDay() - today.toEpochDay());
            out.add(alert(f.alertId(), step, AlertStatus.RESOLVED, view, evaluation, f.deadline(), f.version(), left,
                    now));
            it.remove();
        }
    }

    private DeadlineAlert alert(String alertId, AlertThresholds.Step step, AlertStatus status, CaseView view,
            CaseEvaluator.Evaluation evaluation, LocalDate deadline, int version, int daysRemaining, Instant now) {
        return DeadlineAlert.newBuilder()
                .setAlertId(alertId)
                .setCaseId(view.caseId().value())
                .setCourt(CourtId.raw(view.court()))
                .setProcedure(AvroVocabulary.avro(view.procedure()))
                .setLevel(step.level())
                .setStatus(status)
                .setDeadline(deadline)
                .setDeadlineVersion(version)
                .setDaysRemaining(daysRemaining)
                .setRaisedAt(now)
                .setEscalateTo(escalation.targets(step, Math.max(0, -daysRemaining), view.judge(), view.division(),
                        view.court(), evaluation.higherCourt()))
                .setJudge(JudgeId.raw(view.judge()))
                // The case's own explanation (extensions, excluded periods, roll-forward), the same lines as its
                // snapshot's: notifications show them without a second look-up (DeadlineAlert v2).
                .setExplanation(evaluation.deadline().explanation())
                .build();
    }
}
