package org.caseflow.streams.domain.cases;

import java.util.EnumMap;
import java.util.Map;

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
