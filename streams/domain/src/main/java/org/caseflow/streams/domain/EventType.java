package org.caseflow.streams.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
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
 * the JSON form to the payload record of the Avro {@link CaseEvent} union and back, and that answers what
 * every other part asks of a payload's type — which day an event concerns ({@link #dayOf}), whether it moves
 * the clock ({@link #changesTheClock}), whether it is the filing, which input topic carries it ({@link #input}).
 * Adding an event type is one constant here (plus its JSON fields in {@code runtime/jsonl} and its step in the
 * fold).
 */
public enum EventType {
    CASE_FILED(CaseFiled.class, Input.FILINGS, own("filedOn", CaseFiled.class, CaseFiled::getFiledOn)),
    JUDGE_ASSIGNED(JudgeAssigned.class, Input.FILINGS, null),
    PROCEDURE_CHANGED(ProcedureChanged.class, Input.FILINGS,
            own("changedOn", ProcedureChanged.class, ProcedureChanged::getChangedOn)),
    HEARING_SCHEDULED(HearingScheduled.class, Input.HEARINGS, null),
    HEARING_HELD(HearingHeld.class, Input.HEARINGS, own("heldOn", HearingHeld.class, HearingHeld::getHeldOn)),
    HEARING_POSTPONED(HearingPostponed.class, Input.HEARINGS, null),
    CLOCK_SUSPENDED(ClockSuspended.class, Input.HEARINGS,
            own("suspendedFrom", ClockSuspended.class, ClockSuspended::getSuspendedFrom)),
    CLOCK_RESUMED(ClockResumed.class, Input.HEARINGS, own("resumedOn", ClockResumed.class, ClockResumed::getResumedOn)),
    CLOCK_RESTARTED(ClockRestarted.class, Input.HEARINGS,
            own("restartedOn", ClockRestarted.class, ClockRestarted::getRestartedOn)),
    EXTENSION_GRANTED(ExtensionGranted.class, Input.HEARINGS,
            own("grantedOn", ExtensionGranted.class, ExtensionGranted::getGrantedOn)),
    CASE_CLOSED(CaseClosed.class, Input.FILINGS, own("closedOn", CaseClosed.class, CaseClosed::getClosedOn)),
    JUDGMENT_EFFECTIVE(JudgmentEffective.class, Input.FILINGS,
            own("effectiveOn", JudgmentEffective.class, JudgmentEffective::getEffectiveOn)),
    ENFORCEMENT_ACTION(EnforcementAction.class, Input.ENFORCEMENT, null),
    ENFORCEMENT_PAYMENT(EnforcementPayment.class, Input.ENFORCEMENT,
            own("paidOn", EnforcementPayment.class, EnforcementPayment::getPaidOn));

    /** The input topic that carries a type (DESIGN.md section 4); its label in {@code caseflow_events_total}. */
    public enum Input {
        FILINGS("filings"), HEARINGS("hearings"), ENFORCEMENT("enforcement");

        private final String label;

        Input(String label) {
            this.label = label;
        }

        /** The metric label of the topic, e.g. {@code filings}. */
        public String label() {
            return label;
        }
    }

    /** A payload's own date: the field that holds it and how to read it. */
    private record OwnDate(String field, Function<Object, LocalDate> read) {
    }

    private final Class<?> payloadClass;
    private final Input input;
    private final OwnDate ownDate;

    EventType(Class<?> payloadClass, Input input, OwnDate ownDate) {
        this.payloadClass = payloadClass;
        this.input = input;
        this.ownDate = ownDate;
    }

    private static <P> OwnDate own(String field, Class<P> payload, Function<P, LocalDate> getter) {
        return new OwnDate(field, p -> getter.apply(payload.cast(p)));
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

    /** The input topic that carries events of this type. */
    public Input input() {
        return input;
    }

    /** Whether this is the filing, which comes first in the canonical order whatever its date. */
    public boolean isFiling() {
        return this == CASE_FILED;
    }

    /** The payload field holding the day an event of this type is about ({@code filedOn}, {@code paidOn} …), if any. */
    public Optional<String> ownDateField() {
        return ownDate == null ? Optional.empty() : Optional.of(ownDate.field());
    }

    /**
     * The day an event is about: its payload's own date ({@link #ownDateField}), else the local day it occurred in
     * {@code zone}. The canonical order sorts by it, and an own date too far after the day recorded is refused.
     */
    public static LocalDate dayOf(CaseEvent event, ZoneId zone) {
        OwnDate own = of(event).ownDate;
        return own != null ? own.read().apply(event.getPayload()) : event.getOccurredAt().atZone(zone).toLocalDate();
    }

    /** Code → type: every case record read names the type of the case's last event. */
    private static final Map<String, EventType> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));

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
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }
}
