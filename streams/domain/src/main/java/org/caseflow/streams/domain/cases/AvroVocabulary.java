package org.caseflow.streams.domain.cases;

import java.util.EnumMap;
import java.util.Map;
import org.caseflow.streams.domain.rules.Approver;
import org.caseflow.streams.domain.rules.ExclusionReason;
import org.caseflow.streams.domain.rules.Procedure;

/**
 * The one boundary between the event contract's Avro enums and the domain's: the case fold converts what an event
 * says on the way in, and the snapshot and alert builders (and the case record's serde) convert on the way out.
 * Constants map by name; a constant on either side without its twin fails when this class loads, so a schema change
 * cannot slip through as a runtime surprise ({@code AvroVocabularyTest} checks every constant both ways).
 */
public final class AvroVocabulary {
    private static final Map<org.caseflow.events.Disposition, Disposition> DISPOSITIONS =
            byName(org.caseflow.events.Disposition.class, Disposition.class);
    private static final Map<Disposition, org.caseflow.events.Disposition> AVRO_DISPOSITIONS =
            byName(Disposition.class, org.caseflow.events.Disposition.class);
    private static final Map<org.caseflow.events.Approver, Approver> APPROVERS =
            byName(org.caseflow.events.Approver.class, Approver.class);
    private static final Map<Approver, org.caseflow.events.Approver> AVRO_APPROVERS =
            byName(Approver.class, org.caseflow.events.Approver.class);
    private static final Map<org.caseflow.events.SuspensionReason, ExclusionReason> REASONS =
            byName(org.caseflow.events.SuspensionReason.class, ExclusionReason.class);
    private static final Map<ExclusionReason, org.caseflow.events.SuspensionReason> AVRO_REASONS =
            byName(ExclusionReason.class, org.caseflow.events.SuspensionReason.class);

    private static final Map<org.caseflow.events.Procedure, Procedure> PROCEDURES =
            byName(org.caseflow.events.Procedure.class, Procedure.class);
    private static final Map<Procedure, org.caseflow.events.Procedure> AVRO_PROCEDURES =
            byName(Procedure.class, org.caseflow.events.Procedure.class);

    private AvroVocabulary() {
    }

    /** The domain's disposition of an event's; null stays null (an open case has none). */
    public static Disposition disposition(org.caseflow.events.Disposition avro) {
        return avro == null ? null : DISPOSITIONS.get(avro);
    }

    /** The contract's disposition of the domain's; null stays null. */
    public static org.caseflow.events.Disposition avro(Disposition disposition) {
        return disposition == null ? null : AVRO_DISPOSITIONS.get(disposition);
    }

    /** Who granted an extension, in the domain's terms. */
    public static Approver approver(org.caseflow.events.Approver avro) {
        return avro == null ? null : APPROVERS.get(avro);
    }

    public static org.caseflow.events.Approver avro(Approver approver) {
        return approver == null ? null : AVRO_APPROVERS.get(approver);
    }

    /** Why a period is excluded, in the domain's terms. */
    public static ExclusionReason reason(org.caseflow.events.SuspensionReason avro) {
        return avro == null ? null : REASONS.get(avro);
    }

    public static org.caseflow.events.SuspensionReason avro(ExclusionReason reason) {
        return reason == null ? null : AVRO_REASONS.get(reason);
    }

    /** The domain's procedure of an event's (the key of its rule); null stays null (a case not filed yet). */
    public static Procedure procedure(org.caseflow.events.Procedure avro) {
        return avro == null ? null : PROCEDURES.get(avro);
    }

    public static org.caseflow.events.Procedure avro(Procedure procedure) {
        return procedure == null ? null : AVRO_PROCEDURES.get(procedure);
    }

    /** Every constant of {@code from} with its namesake in {@code to}; one without is a programming error. */
    static <A extends Enum<A>, B extends Enum<B>> Map<A, B> byName(Class<A> from, Class<B> to) {
        Map<A, B> map = new EnumMap<>(from);
        for (A constant : from.getEnumConstants()) {
            try {
                map.put(constant, Enum.valueOf(to, constant.name()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(from.getName() + "." + constant.name() + " has no namesake in "
                        + to.getName(), e);
            }
        }
        return map;
    }
}
