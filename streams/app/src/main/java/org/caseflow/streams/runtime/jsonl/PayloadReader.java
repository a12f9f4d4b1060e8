package org.caseflow.streams.runtime.jsonl;

import java.time.LocalDate;
import org.caseflow.events.Approver;
import org.caseflow.events.CaseClosed;
import org.caseflow.events.CaseFiled;
import org.caseflow.events.ClockRestarted;
import org.caseflow.events.ClockResumed;
import org.caseflow.events.ClockSuspended;
import org.caseflow.events.Disposition;
import org.caseflow.events.EnforcementAction;
import org.caseflow.events.EnforcementActionType;
import org.caseflow.events.EnforcementPayment;
import org.caseflow.events.ExtensionGranted;
import org.caseflow.events.HearingHeld;
import org.caseflow.events.HearingPostponed;
import org.caseflow.events.HearingScheduled;
import org.caseflow.events.JudgeAssigned;
import org.caseflow.events.JudgmentEffective;
import org.caseflow.events.PostponementReason;
import org.caseflow.events.Procedure;
import org.caseflow.events.ProcedureChanged;
import org.caseflow.events.RestartReason;
import org.caseflow.events.SuspensionReason;
import org.caseflow.streams.domain.EventType;

/** Reads the type-specific fields of one line into the payload record of its {@link EventType}. */
final class PayloadReader {
    private PayloadReader() {
    }

    static Object read(EventType type, LineFields f) {
        return switch (type) {
            case CASE_FILED -> new CaseFiled(
                    f.requiredCode("procedure", Procedure.class, "procedure"),
                    f.requiredDate("filedOn"),
                    f.optionalText("division"),
                    f.optionalText("judge"),
                    f.optionalText("originCaseId"),
                    f.optionalAmount("claimAmount"),
                    f.optionalBoolean("foreignRelated"));
            case JUDGE_ASSIGNED -> new JudgeAssigned(f.requiredText("judge"), f.optionalText("division"));
            case PROCEDURE_CHANGED -> new ProcedureChanged(
                    f.requiredCode("procedure", Procedure.class, "procedure"), f.requiredDate("changedOn"));
            case HEARING_SCHEDULED -> new HearingScheduled(
                    f.requiredText("hearingId"), f.requiredInstant("scheduledFor"));
            case HEARING_HELD -> new HearingHeld(f.requiredText("hearingId"), f.requiredDate("heldOn"));
            case HEARING_POSTPONED -> new HearingPostponed(f.requiredText("hearingId"), f.deprecatedText("reason"),
                    f.optionalCode("reasonCode", PostponementReason.class, "postponement reason"), f.optionalText("note"));
            case CLOCK_SUSPENDED -> new ClockSuspended(
                    f.requiredCode("reason", SuspensionReason.class, "suspension reason"),
                    f.requiredDate("suspendedFrom"));
            case CLOCK_RESUMED -> clockResumed(f);
            case CLOCK_RESTARTED -> clockRestarted(f);
            case EXTENSION_GRANTED -> extensionGranted(f);
            case CASE_CLOSED -> new CaseClosed(
                    f.requiredDate("closedOn"), f.requiredCode("disposition", Disposition.class, "disposition"));
            case JUDGMENT_EFFECTIVE -> new JudgmentEffective(
                    f.requiredDate("effectiveOn"), f.optionalDate("performanceDueOn"), f.optionalBoolean("monetary"));
            case ENFORCEMENT_ACTION -> new EnforcementAction(
                    f.requiredCode("action", EnforcementActionType.class, "enforcement action"));
            case ENFORCEMENT_PAYMENT -> new EnforcementPayment(f.requiredAmount("amount"), f.requiredDate("paidOn"));
        };
    }

    /**
     * The resumption itself carries no start day; a producer may echo {@code suspendedFrom} for
     * checking, and an interval that ends before it starts is bad input (it would count negative days).
     */
    private static ClockResumed clockResumed(LineFields f) {
        SuspensionReason reason = f.requiredCode("reason", SuspensionReason.class, "suspension reason");
        LocalDate resumedOn = f.requiredDate("resumedOn");
        LocalDate suspendedFrom = f.optionalDate("suspendedFrom");
        if (suspendedFrom != null && resumedOn.isBefore(suspendedFrom)) {
            throw new LineRejection("resumedOn", "before suspendedFrom (" + resumedOn + " < " + suspendedFrom + ")");
        }
        return new ClockResumed(reason, resumedOn);
    }

    /**
     * A restart names its ground by {@code reasonCode}; files written before the code existed have the free-text
     * {@code reason} instead (deprecated, still accepted). One of the two is required. Avro keeps {@code reason}
     * required so that consumers of the first schema version can read coded restarts: it holds the code's name then.
     */
    private static ClockRestarted clockRestarted(LineFields f) {
        LocalDate restartedOn = f.requiredDate("restartedOn");
        String reason = f.deprecatedText("reason");
        RestartReason code = f.optionalCode("reasonCode", RestartReason.class, "restart reason");
        if (code == null && reason == null) {
            throw new LineRejection("reasonCode", "missing required field");
        }
        return new ClockRestarted(restartedOn, reason != null ? reason : code.name(), code, f.optionalText("note"));
    }

    private static ExtensionGranted extensionGranted(LineFields f) {
        Integer months = f.optionalPositiveInt("months");
        Integer days = f.optionalPositiveInt("days");
        if (months == null && days == null) {
            throw new LineRejection("months", "an extension needs months or days (neither given)");
        }
        return new ExtensionGranted(months, days,
                f.requiredCode("approvedBy", Approver.class, "approver"), f.requiredDate("grantedOn"));
    }
}
