package org.caseflow.streams.domain.rules;

/**
 * One rung of a procedure's extension ladder.
 *
 * @param approver who may grant it
 * @param amount   what one grant usually adds, for display; null = as approved
 * @param cap      the total period (base plus all extensions) this approver may reach, measured from
 *                 the clock start; null = no statutory cap
 */
public record ExtensionStep(Approver approver, Span amount, Span cap) {
    public boolean capped() {
        return cap != null;
    }
}
