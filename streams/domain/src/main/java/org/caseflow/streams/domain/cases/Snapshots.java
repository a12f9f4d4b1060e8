package org.caseflow.streams.domain.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.caseflow.events.CaseSnapshot;
import org.caseflow.events.CaseStatus;
import org.caseflow.streams.domain.deadline.Deadline;
import org.caseflow.streams.domain.courts.CourtId;
import org.caseflow.streams.domain.courts.JudgeId;

/** Builds the {@link CaseSnapshot} of a case (DESIGN.md section 7, case form). */
final class Snapshots {
    private Snapshots() {
    }

    /**
     * Whether two snapshots of a case differ in nothing but when they were made. {@code a} is briefly given
     * {@code b}'s time (a copy through the builder deep-copied every field of every event's snapshot): pass a
     * snapshot nobody else holds.
     */
    static boolean sameButTime(CaseSnapshot a, CaseSnapshot b) {
        Instant made = a.getUpdatedAt();
        a.setUpdatedAt(b.getUpdatedAt());
        try {
            return a.equals(b);
        } finally {
            a.setUpdatedAt(made);
        }
    }

    static CaseSnapshot of(CaseView view, CaseEvaluator.Evaluation evaluation, CaseState state, Instant now,
            CaseEvaluator evaluator) {
        Deadline deadline = evaluation.deadline();
        boolean stopped = deadline.kind() == Deadline.Kind.CLOCK_STOPPED;
        int excludedDays = stopped
                ? evaluator.excludedDaysSoFar(view, now.atZone(evaluation.zone()).toLocalDate())
                : deadline.excludedDays();
        Boolean onTime = null;
        if (view.closed() && deadline.date() != null) {
            onTime = !view.closedOn().isAfter(deadline.date());
        }
        List<String> flags = new ArrayList<>(deadline.flags());
        flags.addAll(view.flags());
        if (view.postponements() > 0) {
            flags.add("adjournments: " + view.postponements());
        }
        view.rejections().forEach((eventId, reason) -> flags.add("rejected " + eventId + ": " + reason));
        return CaseSnapshot.newBuilder()
                .setCaseId(view.caseId().value())
                .setCourt(CourtId.raw(view.court()))
                .setProcedure(AvroVocabulary.avro(view.procedure()))
                .setStatus(view.closed() ? CaseStatus.CLOSED : CaseStatus.OPEN)
                .setFiledOn(view.filedOn())
                .setDeadline(deadline.date())
                .setDeadlineVersion(state.deadlineVersion())
                .setExcludedDays(excludedDays)
                .setExtendedBy(deadline.extendedBy().toString())
                .setClockStopped(stopped)
                .setClosedOn(view.closedOn())
                .setDisposition(AvroVocabulary.avro(view.disposition()))
                .setOnTime(onTime)
                .setJudge(JudgeId.raw(view.judge()))
                .setDivision(view.division())
                .setOriginCaseId(CaseId.raw(view.originCaseId()))
                .setExplanation(deadline.explanation())
                .setFlags(flags)
                .setUpdatedAt(now)
                .setReferenceVersions(evaluator.versionsOf(view.court()))
                .build();
    }
}
