package org.caseflow.streams.domain;

import java.util.Arrays;
import java.util.Optional;
import org.caseflow.CaseflowException;
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

/**
 * The event types of the contract (DESIGN.md section 3): the one place that maps the type code of
 * the JSON form to the payload record of the Avro {@link CaseEvent} union and back.
 */
public enum EventType {
    CASE_FILED(CaseFiled.class),
    JUDGE_ASSIGNED(JudgeAssigned.class),
    PROCEDURE_CHANGED(ProcedureChanged.class),
    HEARING_SCHEDULED(HearingScheduled.class),
    HEARING_HELD(HearingHeld.class),
    HEARING_POSTPONED(HearingPostponed.class),
    CLOCK_SUSPENDED(ClockSuspended.class),
    CLOCK_RESUMED(ClockResumed.class),
    CLOCK_RESTARTED(ClockRestarted.class),
    EXTENSION_GRANTED(ExtensionGranted.class),
    CASE_CLOSED(CaseClosed.class),
    JUDGMENT_EFFECTIVE(JudgmentEffective.class),
    ENFORCEMENT_ACTION(EnforcementAction.class),
    ENFORCEMENT_PAYMENT(EnforcementPayment.class);

    private final Class<?> payloadClass;

    EventType(Class<?> payloadClass) {
        this.payloadClass = payloadClass;
    }

    /** The type code of the JSON form, e.g. {@code CASE_FILED}. */
    public String code() {
        return name();
    }

    /** The Avro payload record class of this type. */
    public Class<?> payloadClass() {
        return payloadClass;
    }

    /** The type of an event, from the class of its payload. */
    public static EventType of(CaseEvent event) {
        return ofPayload(event.getPayload());
    }

    /**
     * Whether an event of this type moves the deadline (conversion, suspension, resumption, restart,
     * extension, closing): such events are refused once the case is closed.
     */
    public boolean changesTheClock() {
        return switch (this) {
            case PROCEDURE_CHANGED, CLOCK_SUSPENDED, CLOCK_RESUMED, CLOCK_RESTARTED, EXTENSION_GRANTED,
                    CASE_CLOSED -> true;
            default -> false;
        };
    }

    /** Payload class → type: the canonical order asks for the type of every event it compares. */
    private static final ClassValue<EventType> BY_CLASS = new ClassValue<>() {
        @Override
        protected EventType computeValue(Class<?> type) {
            for (EventType candidate : values()) {
                if (candidate.payloadClass.isAssignableFrom(type)) {
                    return candidate;
                }
            }
            return null;
        }
    };

    /** The type of a payload record; a null or foreign payload is a programming error. */
    public static EventType ofPayload(Object payload) {
        EventType type = payload == null ? null : BY_CLASS.get(payload.getClass());
        if (type != null) {
            return type;
        }
        throw new CaseflowException("not a CaseEvent payload: "
                + (payload == null ? "null" : payload.getClass().getName()));
    }

    /** The type with this exact code (case-sensitive), if any. */
    public static Optional<EventType> fromCode(String code) {
        return Arrays.stream(values()).filter(type -> type.name().equals(code)).findFirst();
    }
}
