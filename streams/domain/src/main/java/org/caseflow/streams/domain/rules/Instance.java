package org.caseflow.streams.domain.rules;

/**
 * Where a procedure sits in a case's lineage; the indicators (appeal rate, retrial-petition rate,
 * reversal/remand ratios, case-matter ratio) count filings and closures by instance.
 */
public enum Instance {
    /** First instance (一审), including summary and small-claims procedures. */
    FIRST,
    /** Second instance (二审), appeals against judgments and rulings. */
    SECOND,
    /** Review of a retrial application (再审审查). */
    RETRIAL_REVIEW,
    /** Retrial (再审) under first- or second-instance procedure. */
    RETRIAL,
    /** Civil special procedures (特别程序). */
    SPECIAL,
    /** Enforcement cases (执行实施), including non-litigation enforcement. */
    ENFORCEMENT,
    /** Enforcement objections and reconsiderations (执行异议、复议). */
    ENFORCEMENT_REVIEW
}
