package org.caseflow.streams.domain.rules;

/**
 * Who grants an extension of a trial limit (延长审限); the rule table's extension ladders name them and the deadline
 * engine checks a grant against them. Converted from the event contract's {@code org.caseflow.events.Approver} by
 * name in {@code cases.AvroVocabulary}.
 */
public enum Approver {
    /** The court's president (院长). */
    PRESIDENT,
    /** The court at the next level up. */
    HIGHER_COURT,
    /** The provincial high court. */
    HIGH_COURT,
    /** The Supreme People's Court. */
    SUPREME_COURT
}
