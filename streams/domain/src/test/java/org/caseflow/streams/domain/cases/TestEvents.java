package org.caseflow.streams.domain.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.caseflow.events.Approver;
import org.caseflow.events.CaseClosed;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.CaseFiled;
import org.caseflow.events.ClockResumed;
import org.caseflow.events.ClockSuspended;
import org.caseflow.events.Disposition;
import org.caseflow.events.ExtensionGranted;
import org.caseflow.events.JudgeAssigned;
import org.caseflow.events.Procedure;
import org.caseflow.events.SuspensionReason;

/** Concise builders of test events: each event occurs at 10:00 Asia/Shanghai on its own day. */
public final class TestEvents {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final String COURT = "湘0211";

    private TestEvents() {
    }

    public static Instant at(LocalDate day) {
        return day.atTime(10, 0).atZone(ZONE).toInstant();
    }

    public static Instant midnight(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }

    public static CaseEvent event(String id, String caseId, LocalDate day, Object payload) {
        return CaseEvent.newBuilder().setEventId(id).setCaseId(caseId).setCourt(COURT).setOccurredAt(at(day))
                .setPayload(payload).build();
    }

    public static CaseEvent filed(String id, String caseId, Procedure procedure, LocalDate on) {
        return event(id, caseId, on, CaseFiled.newBuilder().setProcedure(procedure).setFiledOn(on)
                .setJudge("J-1").setDivision("民一庭").build());
    }

    public static CaseEvent judge(String id, String caseId, LocalDate on, String judge) {
        return event(id, caseId, on, JudgeAssigned.newBuilder().setJudge(judge).build());
    }

    public static CaseEvent suspended(String id, String caseId, SuspensionReason reason, LocalDate from) {
        return event(id, caseId, from, ClockSuspended.newBuilder().setReason(reason).setSuspendedFrom(from).build());
    }

    public static CaseEvent resumed(String id, String caseId, SuspensionReason reason, LocalDate on) {
        return event(id, caseId, on, ClockResumed.newBuilder().setReason(reason).setResumedOn(on).build());
    }

    public static CaseEvent extended(String id, String caseId, int months, Approver by, LocalDate on) {
        return event(id, caseId, on, ExtensionGranted.newBuilder().setMonths(months).setApprovedBy(by)
                .setGrantedOn(on).build());
    }

    public static CaseEvent closed(String id, String caseId, LocalDate on) {
        return event(id, caseId, on, CaseClosed.newBuilder().setClosedOn(on).setDisposition(Disposition.JUDGMENT)
                .build());
    }
}
