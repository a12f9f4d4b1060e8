package org.caseflow.streams.domain.cases;

/**
 * How a case was closed (结案方式), as the domain holds it: the fold, the facts and the links carry this type, and
 * {@link AvroVocabulary} converts the event contract's {@code org.caseflow.events.Disposition} to and from it by name,
 * so the wire forms (events, snapshots, facts, links) keep the same strings.
 */
public enum Disposition {
    JUDGMENT,
    RULING,
    MEDIATION,
    WITHDRAWN,
    DISMISSED,
    TRANSFERRED,
    AFFIRMED,
    REVERSED,
    REMANDED,
    /** 执行完毕. */
    ENFORCEMENT_COMPLETED,
    /** 终结本次执行 (终本). */
    ENFORCEMENT_TERMINATED_THIS_ROUND,
    ENFORCEMENT_TERMINATED,
    OTHER;

    /** Whether a higher court's decision undid the judgment (reversal/remand ratios, DOMAIN §4). */
    public boolean reversedOrRemanded() {
        return this == REVERSED || this == REMANDED;
    }
}
