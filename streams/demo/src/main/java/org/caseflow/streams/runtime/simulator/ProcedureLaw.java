package org.caseflow.streams.runtime.simulator;

import static java.time.temporal.ChronoUnit.DAYS;

import java.time.LocalDate;
import java.util.Set;
import org.caseflow.events.Approver;
import org.caseflow.streams.domain.cases.AvroVocabulary;
import org.caseflow.streams.domain.cases.CaseNumbers;
import org.caseflow.streams.domain.rules.Category;
import org.caseflow.streams.domain.rules.ExclusionReason;
import org.caseflow.streams.domain.rules.ExtensionStep;
import org.caseflow.streams.domain.rules.ProcedureRule;
import org.caseflow.streams.domain.rules.Span;

/**
 * What the seeds say of a procedure the simulator files cases under: its category, base limit, the exclusions and
 * the extension it allows ({@code seeds/rules/trial-limits.yaml}) and the type code of its case numbers
 * ({@code seeds/casenumbers/case-types.yaml}). The deadline engine computes the real deadline from the same table;
 * the simulator only shapes durations against it, so a changed table moves both alike.
 *
 * @param extension the extension a court grants when a case needs one; null when the rule allows none
 */
record ProcedureLaw(Category category, String kind, Span limit, Set<ExclusionReason> excludedReasons,
        Extension extension) {
    ProcedureLaw {
        excludedReasons = Set.copyOf(excludedReasons);
    }

    /**
     * Uncapped extension ladders whose rule names no length: the statutes name who may extend (CPL 183, 215 and 218
     * the court president, ALL 81 and 88 the high court) but not by how much, and the rule table cannot say what the law
     * does not. The simulator needs a length to plan with, so this one value stays here: 3 months, what such a grant
     * usually adds.
     */
    static final Span UNSTATED_EXTENSION = new Span(3, 0);

    /**
     * One extension as the simulator grants it: the first step of the rule's ladder. The first step is the one a
     * court asks for first and the only one that is lawful whatever the case (later steps are for cases that
     * exhausted it, or for special cases such as capital crimes, CrPL 208), so a plan using it draws no
     * EXTENSION_WRONG_APPROVER flag from the deadline engine.
     *
     * @param amount what one grant adds, as the rule states it; null when it states none
     * @param cap    the total the approver may reach from the clock start; null when uncapped
     */
    record Extension(Approver approver, Span amount, Span cap) {
        /**
         * The length granted to a case filed on {@code filedOn} with base limit {@code limit}: the rule's amount;
         * else all the cap allows (the cap less the base, in days when their units differ, e.g. CrPL 220's 1.5
         * months over a 20-day limit); else {@link #UNSTATED_EXTENSION}.
         */
        Span lengthFor(LocalDate filedOn, Span limit) {
            if (amount != null && !amount.isZero()) {
                return amount;
            }
            if (cap == null) {
                return UNSTATED_EXTENSION;
            }
            if (cap.months() >= limit.months() && cap.days() >= limit.days()) {
                return new Span(cap.months() - limit.months(), cap.days() - limit.days());
            }
            // At least a day: the table only promises that the cap exceeds the limit counting 28-day months (a 29-day
            // cap over a 1-month limit is shorter from a 31-day month); the engine clamps such a grant and flags it.
            int days = (int) DAYS.between(filedOn.plus(limit.toPeriod()), filedOn.plus(cap.toPeriod()));
            return new Span(0, Math.max(1, days));
        }
    }

    /**
     * The law of {@code rule}, its cases numbered with {@code type}. A procedure without a limit cannot be simulated:
     * durations are drawn as shares of the limit.
     */
    static ProcedureLaw of(ProcedureRule rule, CaseNumbers.Type type) {
        Span limit = rule.limit().orElseThrow(() -> new IllegalArgumentException("the simulator files "
                + rule.code() + " cases and draws their durations from its limit, but the rule table gives it none"));
        Extension extension = rule.extensions().isEmpty() ? null : extension(rule.extensions().get(0));
        return new ProcedureLaw(rule.category(), type.code(), limit, rule.excludedReasons(), extension);
    }

    private static Extension extension(ExtensionStep first) {
        return new Extension(AvroVocabulary.avro(first.approver()), first.amount(), first.cap());
    }

    /** The base deadline before extensions and excluded days (Civil Code 202 month arithmetic). */
    LocalDate baseDeadline(LocalDate filedOn) {
        return filedOn.plus(limit.toPeriod());
    }

    /** Whether the rule excludes a suspension of this reason from the limit (扣除审限). */
    boolean excludes(org.caseflow.events.SuspensionReason reason) {
        ExclusionReason excluded = AvroVocabulary.reason(reason);
        return excluded != null && excludedReasons.contains(excluded);
    }

    /** A long procedure (6 months or more) needs an extension more often. */
    boolean longLimit() {
        return limit.months() >= 6;
    }
}
