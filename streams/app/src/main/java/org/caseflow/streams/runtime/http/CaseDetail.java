package org.caseflow.streams.runtime.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.caseflow.events.AlertLevel;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.CaseSnapshot;
import org.caseflow.events.CaseStatus;
import org.caseflow.events.Disposition;
import org.caseflow.events.Procedure;
import org.caseflow.streams.domain.cases.FiringAlert;
import org.caseflow.streams.domain.notify.AlertAck;
import org.caseflow.streams.runtime.jsonl.EventJson;

/**
 * The answer of {@code GET /api/v1/cases/{id}}: the case form of DESIGN.md section 7 (the snapshot's fields in their
 * documented order, flat as the contract writes them), then the firing alerts, the acknowledgements (issue 9) and the
 * history in canonical order. Built once from the stores and serialised once by the HTTP layer; a peer's answer reads
 * back into it. The history's events keep the JSON-lines form of {@link EventJson}, one tree each (their fields
 * depend on the event type).
 */
public record CaseDetail(String caseId, String court, Procedure procedure, CaseStatus status, LocalDate filedOn,
        LocalDate deadline, int excludedDays, String extendedBy, LocalDate closedOn, Boolean onTime, int deadlineVersion,
        boolean clockStopped, Disposition disposition, String judge, String division, String originCaseId,
        List<String> explanation, List<String> flags, Instant updatedAt, List<Firing> firingAlerts,
        List<Acknowledgement> acknowledgements, List<ObjectNode> history) {

    /** An alert of the case that is firing now, under the deadline it was raised for. */
    public record Firing(String alertId, AlertLevel level, LocalDate deadline) {
    }

    /** Who acknowledged an alert, with their note, and when. */
    public record Acknowledgement(String alertId, String by, String note, Instant ackedAt) {
    }

    /**
     * @param history   the case's events in canonical order
     * @param withNotes keep the notes of postponements and restarts (docs/security.md, "Personal data")
     */
    public static CaseDetail of(CaseSnapshot s, List<FiringAlert> firing, List<AlertAck> acks, List<CaseEvent> history,
            boolean withNotes) {
        return new CaseDetail(s.getCaseId(), s.getCourt(), s.getProcedure(), s.getStatus(), s.getFiledOn(), s.getDeadline(),
                s.getExcludedDays(), s.getExtendedBy(), s.getClosedOn(), s.getOnTime(), s.getDeadlineVersion(),
                s.getClockStopped(), s.getDisposition(), s.getJudge(), s.getDivision(), s.getOriginCaseId(),
                List.copyOf(s.getExplanation()), List.copyOf(s.getFlags()), s.getUpdatedAt(),
                firing.stream().map(f -> new Firing(f.alertId(), f.level(), f.deadline())).toList(),
                acks.stream().map(a -> new Acknowledgement(a.alertId(), a.by(), a.note(), a.ackedAt())).toList(),
                history.stream().map(e -> withNotes ? EventJson.node(e) : withoutFreeText(EventJson.node(e))).toList());
    }

    /**
     * The reason code says why; the note, and the deprecated free-text reason of records written before the codes,
     * are remarks only the court's own token holders ask for (docs/security.md, "Personal data"). The suspension's
     * {@code reason} is a code and stays.
     */
    static ObjectNode withoutFreeText(ObjectNode event) {
        event.remove("note");
        String type = event.path("type").asText();
        if (type.equals("HEARING_POSTPONED") || type.equals("CLOCK_RESTARTED")) {
            event.remove("reason");
        }
        return event;
    }
}
