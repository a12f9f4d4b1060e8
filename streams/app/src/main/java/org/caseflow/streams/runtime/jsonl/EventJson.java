package org.caseflow.streams.runtime.jsonl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.caseflow.events.CaseClosed;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.CaseFiled;
import org.caseflow.events.ClockRestarted;
import org.caseflow.events.ClockResumed;
import org.caseflow.events.ClockSuspended;
import org.caseflow.events.EnforcementAction;
import org.caseflow.events.EnforcementPayment;
import org.caseflow.events.ExtensionGranted;
import org.caseflow.events.HearingHeld;
import org.caseflow.events.HearingPostponed;
import org.caseflow.events.HearingScheduled;
import org.caseflow.events.JudgeAssigned;
import org.caseflow.events.JudgmentEffective;
import org.caseflow.events.ProcedureChanged;
import org.caseflow.streams.domain.EventType;

/**
 * Writes a {@link CaseEvent} in the flat JSON-lines form that {@link EventLineParser} reads:
 * common fields first, then the payload fields in schema order; absent optional fields are
 * omitted, booleans always written. {@code parse(toJson(e))} equals {@code e}.
 */
public final class EventJson {
    private EventJson() {
    }

    /** One JSON object, without a line terminator. */
    public static String toJson(CaseEvent event) {
        return line(event).end();
    }

    /** The same object as a tree (the API's case history: built once, serialised once with the answer). */
    public static ObjectNode node(CaseEvent event) {
        return line(event).node();
    }

    private static JsonLine line(CaseEvent event) {
        EventType type = EventType.of(event);
        JsonLine json = new JsonLine()
                .text("eventId", event.getEventId())
                .text("type", type.code())
                .text("caseId", event.getCaseId())
                .text("court", event.getCourt())
                .instant("occurredAt", event.getOccurredAt());
        PayloadWriter.write(json, event.getPayload());
        return json;
    }

    /** Payload fields; optional ones only when present so the line stays as short as the input. */
    private static final class PayloadWriter {
        static void write(JsonLine json, Object payload) {
            switch (EventType.ofPayload(payload)) {
                case CASE_FILED -> {
                    CaseFiled p = (CaseFiled) payload;
                    json.text("procedure", p.getProcedure()).date("filedOn", p.getFiledOn());
                    optional(json, "division", p.getDivision());
                    optional(json, "judge", p.getJudge());
                    optional(json, "originCaseId", p.getOriginCaseId());
                    if (p.getClaimAmount() != null) {
                        json.amount("claimAmount", p.getClaimAmount());
                    }
                    json.bool("foreignRelated", p.getForeignRelated());
                }
                case JUDGE_ASSIGNED -> {
                    JudgeAssigned p = (JudgeAssigned) payload;
                    json.text("judge", p.getJudge());
                    optional(json, "division", p.getDivision());
                }
                case PROCEDURE_CHANGED -> {
                    ProcedureChanged p = (ProcedureChanged) payload;
                    json.text("procedure", p.getProcedure()).date("changedOn", p.getChangedOn());
                }
                case HEARING_SCHEDULED -> {
                    HearingScheduled p = (HearingScheduled) payload;
                    json.text("hearingId", p.getHearingId()).instant("scheduledFor", p.getScheduledFor());
                }
                case HEARING_HELD -> {
                    HearingHeld p = (HearingHeld) payload;
                    json.text("hearingId", p.getHearingId()).date("heldOn", p.getHeldOn());
                }
                case HEARING_POSTPONED -> {
                    HearingPostponed p = (HearingPostponed) payload;
                    json.text("hearingId", p.getHearingId());
                    optional(json, "reason", p.getReason());
                    optional(json, "reasonCode", p.getReasonCode());
                    optional(json, "note", p.getNote());
                }
                case CLOCK_SUSPENDED -> {
                    ClockSuspended p = (ClockSuspended) payload;
                    json.text("reason", p.getReason()).date("suspendedFrom", p.getSuspendedFrom());
                }
                case CLOCK_RESUMED -> {
                    ClockResumed p = (ClockResumed) payload;
                    json.text("reason", p.getReason()).date("resumedOn", p.getResumedOn());
                }
                case CLOCK_RESTARTED -> {
                    ClockRestarted p = (ClockRestarted) payload;
                    json.date("restartedOn", p.getRestartedOn());
                    // A coded restart carries the code's name as its (deprecated) reason for older readers: not written.
                    if (p.getReasonCode() == null || !p.getReasonCode().name().equals(p.getReason())) {
                        json.text("reason", p.getReason());
                    }
                    optional(json, "reasonCode", p.getReasonCode());
                    optional(json, "note", p.getNote());
                }
                case EXTENSION_GRANTED -> {
                    ExtensionGranted p = (ExtensionGranted) payload;
                    if (p.getMonths() != null) {
                        json.number("months", p.getMonths());
                    }
                    if (p.getDays() != null) {
                        json.number("days", p.getDays());
                    }
                    json.text("approvedBy", p.getApprovedBy()).date("grantedOn", p.getGrantedOn());
                }
                case CASE_CLOSED -> {
                    CaseClosed p = (CaseClosed) payload;
                    json.date("closedOn", p.getClosedOn()).text("disposition", p.getDisposition());
                }
                case JUDGMENT_EFFECTIVE -> {
                    JudgmentEffective p = (JudgmentEffective) payload;
                    json.date("effectiveOn", p.getEffectiveOn());
                    if (p.getPerformanceDueOn() != null) {
                        json.date("performanceDueOn", p.getPerformanceDueOn());
                    }
                    json.bool("monetary", p.getMonetary());
                }
                case ENFORCEMENT_ACTION -> json.text("action", ((EnforcementAction) payload).getAction());
                case ENFORCEMENT_PAYMENT -> {
                    EnforcementPayment p = (EnforcementPayment) payload;
                    json.amount("amount", p.getAmount()).date("paidOn", p.getPaidOn());
                }
            }
        }

        private static void optional(JsonLine json, String name, Object value) {
            if (value != null) {
                json.text(name, value);
            }
        }
    }
}
