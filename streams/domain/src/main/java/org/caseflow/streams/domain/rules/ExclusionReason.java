package org.caseflow.streams.domain.rules;

/**
 * Why a period is excluded from a trial limit (扣除审限 / 中止, DOMAIN §3); each procedure's rule lists the reasons it
 * excludes. Converted from the event contract's {@code org.caseflow.events.SuspensionReason} by name in
 * {@code cases.AvroVocabulary}.
 */
public enum ExclusionReason {
    PUBLIC_NOTICE,
    APPRAISAL,
    SETTLEMENT,
    MEDIATION,
    JURISDICTION,
    SUSPENSION,
    AUDIT_VALUATION,
    ENFORCEMENT_STAY,
    AUCTION,
    PSYCHIATRIC_EVALUATION,
    PROCURATORATE_REVIEW,
    OTHER
}
