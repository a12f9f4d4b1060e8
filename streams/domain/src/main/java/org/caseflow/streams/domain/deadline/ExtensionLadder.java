package org.caseflow.streams.domain.deadline;

import java.time.LocalDate;
import java.time.Period;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.caseflow.streams.domain.deadline.DeadlineInput.Extension;
import org.caseflow.streams.domain.rules.Approver;
import org.caseflow.streams.domain.rules.ExtensionStep;
import org.caseflow.streams.domain.rules.ProcedureRule;
import org.caseflow.streams.domain.rules.Span;
import org.caseflow.streams.domain.rules.WrongApproverPolicy;

/**
 * Applies granted extensions against a procedure's ladder. Each grant is checked against the step of
 * its approver: a grant that takes the total (base + extensions, from the clock start) past that step's
 * cap is clamped to the cap and flagged; a grant by an approver missing from the ladder is flagged and not
 * counted (the statute names who extends: CrPL 243, ALL 81, …), unless the rule table's policy says
 * {@link WrongApproverPolicy#COUNTED} (then counted up to the ladder's overall cap); a procedure without a
 * ladder counts no extension at all. A grant made
 * after the deadline as it stands that day (base + earlier counted extensions + exclusions, rolled
 * forward) is flagged and not counted: an extension must be decided before expiry (SPC 2019 rule on
 * extensions), it cannot revive an expired limit — as an exclusion begun after the deadline cannot.
 */
final class ExtensionLadder {
    record Result(Span total, Period extendedBy) {}

    /** The deadline as it stands on a day for a total limit; empty while an exclusion holds the clock. */
    @FunctionalInterface
    interface Standing {
        Optional<LocalDate> on(LocalDate day, Span total);
    }

    private ExtensionLadder() {
    }

    static Result apply(ProcedureRule rule, WrongApproverPolicy wrongApprover, Span base, LocalDate start,
            LocalDate cutoff, List<Extension> grants, Standing standing, List<String> explanation, List<String> flags) {
        Span total = base;
        List<Extension> sorted = grants.stream()
                .sorted(Comparator.comparing(Extension::grantedOn, Comparator.nullsFirst(Comparator.naturalOrder())))
                .collect(Collectors.toList());
        for (Extension g : sorted) {
            String what = (g.months() < 0 || g.days() < 0 ? g.months() + " months " + g.days() + " days"
                    : new Span(Math.max(0, g.months()), Math.max(0, g.days())).toString())
                    + " by " + g.approver() + " on " + g.grantedOn();
            if (g.grantedOn() == null || g.approver() == null || g.months() < 0 || g.days() < 0
                    || g.months() + g.days() == 0) {
                flags.add("EXTENSION_INVALID: extension of " + what + " has no date, approver or positive length; not counted");
                continue;
            }
            if (g.grantedOn().isBefore(cutoff)) {
                explanation.add("extension of " + what + " predates the current clock (" + cutoff + "); not counted");
                continue;
            }
            if (rule.extensions().isEmpty()) {
                flags.add("EXTENSION_NOT_ALLOWED: " + rule.code() + " has no statutory extension (" + rule.citation()
                        + "); extension of " + what + " not counted");
                continue;
            }
            Optional<LocalDate> expiry = standing.on(g.grantedOn(), total);
            if (expiry.isPresent() && g.grantedOn().isAfter(expiry.get())) {
                flags.add("EXTENSION_AFTER_EXPIRY: extension of " + what + " was granted after the deadline " + expiry.get()
                        + " had expired (" + Citations.EXTENSION_TIMING + ": decided at least 5 days before expiry); not counted");
                continue;
            }
            Optional<ExtensionStep> step = rule.step(g.approver());
            Span cap;
            if (step.isEmpty()) {
                String who = rule.extensions().stream().map(ExtensionStep::approver).map(Approver::name)
                        .collect(Collectors.joining(", then "));
                if (wrongApprover == WrongApproverPolicy.NOT_COUNTED) {
                    flags.add("EXTENSION_WRONG_APPROVER: extension of " + what + ": " + rule.code()
                            + " extensions are approved by " + who + " (" + rule.citation() + "); not counted");
                    explanation.add("extension of " + what + " not counted: " + g.approver() + " may not extend "
                            + rule.code() + "; " + who + " may (" + rule.citation() + ")");
                    continue;
                }
                flags.add("EXTENSION_WRONG_APPROVER: extension of " + what + ": " + rule.code() + " extensions are "
                        + "approved by " + who + " (" + rule.citation() + "); counted by the rule table's policy "
                        + "wrongApproverExtension: COUNTED");
                cap = overallCap(rule);
            } else {
                cap = step.get().cap();
            }
            Span wanted = total.plus(g.months(), g.days());
            Span next = wanted;
            boolean clamped = false;
            if (cap != null && end(start, wanted, rule).isAfter(end(start, cap, rule))) {
                next = end(start, total, rule).isBefore(end(start, cap, rule)) ? cap : total;
                clamped = true;
                flags.add("EXTENSION_CAP_EXCEEDED: extension of " + what + " exceeds the total of " + cap
                        + " from the clock start allowed to " + g.approver() + " (" + rule.citation() + "); clamped to " + cap);
            }
            if (next.equals(total)) {
                explanation.add("extension of " + what + " adds nothing: the cap of " + cap + " is reached (" + rule.citation() + ")");
                continue;
            }
            String added = !clamped ? new Span(g.months(), g.days()).toString()
                    : "up to " + next + " in total (of " + new Span(g.months(), g.days()) + " granted)";
            explanation.add("extended " + added + " by " + g.approver() + " on " + g.grantedOn() + " (" + rule.citation() + ")");
            total = next;
        }
        return new Result(total, difference(rule, base, total, start));
    }

    /** The highest cap of the ladder, or null when any step is uncapped. */
    private static Span overallCap(ProcedureRule rule) {
        Span cap = null;
        for (ExtensionStep s : rule.extensions()) {
            if (s.cap() == null) {
                return null;
            }
            cap = s.cap();
        }
        return cap;
    }

    private static Period difference(ProcedureRule rule, Span base, Span total, LocalDate start) {
        int months = total.months() - base.months();
        int days = total.days() - base.days();
        if (months >= 0 && days >= 0) {
            return Period.of(0, months, days);
        }
        // Mixed units after clamping (e.g. 20 days clamped to 1 month 15 days): express as calendar difference.
        return Period.between(end(start, base, rule), end(start, total, rule));
    }

    private static LocalDate end(LocalDate start, Span span, ProcedureRule rule) {
        return PeriodMath.end(start, span, rule.monthRule());
    }
}
