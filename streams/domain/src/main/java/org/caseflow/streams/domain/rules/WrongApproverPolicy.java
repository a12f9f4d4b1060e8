package org.caseflow.streams.domain.rules;

/**
 * What an extension granted by an authority the procedure's ladder does not name does to the deadline
 * ({@code policies.wrongApproverExtension} in the rule table). The statutes name the approver (e.g. CrPL 243: the
 * provincial high court for a criminal second instance; ALL 81: the high court for an administrative first
 * instance), so such a grant is no extension: counting it would hide breaches.
 */
public enum WrongApproverPolicy {
    /** The default: flagged {@code EXTENSION_WRONG_APPROVER}, explained, and not counted. */
    NOT_COUNTED,
    /** The old behaviour, kept only as an explicit choice: flagged, and counted up to the ladder's overall cap. */
    COUNTED
}
