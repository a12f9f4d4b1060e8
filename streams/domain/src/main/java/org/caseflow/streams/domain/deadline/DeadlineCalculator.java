package org.caseflow.streams.domain.deadline;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.caseflow.streams.domain.calendar.WorkCalendar;
import org.caseflow.streams.domain.deadline.DeadlineInput.Conversion;
import org.caseflow.streams.domain.deadline.DeadlineInput.Exclusion;
import org.caseflow.streams.domain.rules.Category;
import org.caseflow.streams.domain.rules.ConversionRule;
import org.caseflow.streams.domain.rules.ProcedureRule;
import org.caseflow.streams.domain.rules.RuleTable;
import org.caseflow.streams.domain.rules.Span;

/**
 * The statutory deadline (审限) of one case, pure and deterministic (DESIGN §5, DOMAIN §1–3, §5):
 * clock start (filing, criminal conversion or restart) → base limit → extensions checked against the
 * ladder → excluded periods → roll-forward over rest days. Every step adds an explanation line; every
 * non-compliant input adds a flag instead of an exception. An unknown procedure cannot get here: the procedure is a
 * {@code Procedure}, refused where its code enters, and every loaded rule table has a rule for each.
 */
public final class DeadlineCalculator {
    private final RuleTable rules;
    private final WorkCalendar calendar;

    public DeadlineCalculator(RuleTable rules, WorkCalendar calendar) {
        this.rules = rules;
        this.calendar = calendar;
    }

    /**
     * The deadline of a case, its explanation ending with the versions of the reference data it was computed with
     * (issue 15): a deadline that moved can be traced to the data that moved it.
     */
    public Deadline compute(DeadlineInput in) {
        Deadline d = computeUnsourced(in);
        List<String> explanation = new ArrayList<>(d.explanation());
        explanation.add(sources());
        return new Deadline(d.date(), d.kind(), d.clockStart(), d.unrolledDate(), d.excludedDays(), d.extendedBy(),
                d.rolledForward(), d.calendarComplete(), d.policy(), List.copyOf(explanation), d.flags());
    }

    /** The explanation's last line: which rule table and calendar. */
    public String sources() {
        return "reference data: rule table " + rules.version() + "; " + calendar.jurisdiction() + " calendar "
                + calendar.version();
    }

    private Deadline computeUnsourced(DeadlineInput in) {
        ProcedureRule rule = rules.rule(in.procedure());
        List<String> explanation = new ArrayList<>();
        List<String> flags = new ArrayList<>();
        String policy = calendar.rollForward() ? "roll-forward:" + calendar.jurisdiction() : "no-roll-forward";

        if (in.foreignRelated() && rule.category() == Category.CIVIL) {
            explanation.add(Citations.FOREIGN_RELATED + ": a foreign-related civil case has no fixed trial limit");
            return none(in, policy, explanation, flags);
        }
        Optional<Span> limit = rule.limit();
        if (limit.isEmpty()) {
            explanation.add(rule.citation() + ": " + rule.code() + " has no statutory trial limit");
            return none(in, policy, explanation, flags);
        }

        Conversion last = lastConversion(in, flags);
        LocalDate start = clockStart(in, rule, last, explanation, flags);
        LocalDate cutoff = last != null && last.on().isAfter(start) ? last.on() : start;

        Span base = limit.get();
        LocalDate baseEnd = PeriodMath.end(start, base, rule.monthRule());
        explanation.add(rule.citation() + ": " + base + " from " + start + " → " + baseEnd
                + PeriodMath.monthRemark(start, base, rule.monthRule()));

        ExtensionLadder.Standing standing = (day, total) -> standing(rule, start, total, in.exclusions(), day);
        ExtensionLadder.Result ext = ExtensionLadder.apply(rule, rules.wrongApprover(), base, start, cutoff,
                in.extensions(), standing, explanation, flags);
        LocalDate extendedEnd = PeriodMath.end(start, ext.total(), rule.monthRule());
        if (!ext.total().equals(base)) {
            explanation.add("with extensions: " + ext.total() + " from " + start + " → " + extendedEnd
                    + PeriodMath.monthRemark(start, ext.total(), rule.monthRule()));
        }

        ExclusionSweep.Result ex = ExclusionSweep.apply(rule, start, extendedEnd, in.exclusions(), this::rolled,
                explanation, flags);
        if (ex.stoppedSince() != null) {
            return new Deadline(null, Deadline.Kind.CLOCK_STOPPED, start, null, ex.excludedDays(), ext.extendedBy(),
                    false, true, policy, explanation, flags);
        }
        return rollForward(start, ex.end(), ex.excludedDays(), ext.extendedBy(), rule.category(), policy, explanation, flags);
    }

    /** The last day as rolled forward over rest days, or the day itself when the policy is off. */
    private LocalDate rolled(LocalDate day) {
        return calendar.rollForward() ? calendar.nextWorkingDayOnOrAfter(day) : day;
    }

    /**
     * The deadline as it stands on {@code day} for a total limit: the exclusions begun by that day swept
     * and the result rolled forward; empty while one of them holds the clock on that day, open or not yet
     * resumed (DOMAIN §3: no expiry can pass while the clock stands still, so an extension granted then is in
     * time). Exclusions begun later cannot matter: they count only if they start on or before this deadline.
     */
    private Optional<LocalDate> standing(ProcedureRule rule, LocalDate start, Span total, List<Exclusion> exclusions,
            LocalDate day) {
        List<Exclusion> begun = exclusions.stream()
                .filter(x -> x != null && x.interval() != null && !x.interval().from().isAfter(day))
                .toList();
        ExclusionSweep.Result r = ExclusionSweep.apply(rule, start, PeriodMath.end(start, total, rule.monthRule()), begun,
                this::rolled, new ArrayList<>(), new ArrayList<>());
        return r.holds(day) ? Optional.empty() : Optional.of(rolled(r.end()));
    }

    private Deadline rollForward(LocalDate start, LocalDate unrolled, int excluded, Period extendedBy, Category category,
            String policy, List<String> explanation, List<String> flags) {
        if (!calendar.rollForward()) {
            explanation.add("no roll-forward: the policy is off for " + calendar.jurisdiction()
                    + "; the deadline is " + unrolled);
            return new Deadline(unrolled, Deadline.Kind.RUNNING, start, unrolled, excluded, extendedBy, false, true,
                    policy, explanation, flags);
        }
        LocalDate day = unrolled;
        Set<Integer> uncovered = new TreeSet<>();
        String firstReason = null;
        while (true) {
            if (!calendar.covers(day.getYear())) {
                uncovered.add(day.getYear());
            }
            Optional<String> reason = calendar.restDayReason(day);
            if (reason.isEmpty()) {
                break;
            }
            firstReason = firstReason == null ? reason.get() : firstReason;
            day = day.plusDays(1);
        }
        for (int year : uncovered) {
            explanation.add(year + " is not covered by the " + calendar.jurisdiction()
                    + " calendar: rest days are weekends only");
        }
        boolean rolled = !day.equals(unrolled);
        if (rolled) {
            explanation.add(unrolled + " is a rest day (" + firstReason + "); rolled forward to " + day
                    + " (" + Citations.periods(category) + ")");
        }
        return new Deadline(day, Deadline.Kind.RUNNING, start, unrolled, excluded, extendedBy, rolled,
                uncovered.isEmpty(), policy, explanation, flags);
    }

    private static Conversion lastConversion(DeadlineInput in, List<String> flags) {
        Conversion last = null;
        for (Conversion c : in.conversions().stream().sorted(Comparator.comparing(Conversion::on)).toList()) {
            if (c.on().isBefore(in.filedOn())) {
                flags.add("CONVERSION_INVALID: conversion from " + c.fromProcedure() + " on " + c.on()
                        + " predates the filing " + in.filedOn() + "; ignored");
                continue;
            }
            last = c;
        }
        if (last != null && !in.procedure().equals(last.toProcedure())) {
            flags.add("CONVERSION_MISMATCH: the last conversion (" + last.on() + ") went to " + last.toProcedure()
                    + " but the current procedure is " + in.procedure());
        }
        return last;
    }

    private static LocalDate clockStart(DeadlineInput in, ProcedureRule rule, Conversion last,
            List<String> explanation, List<String> flags) {
        LocalDate start = in.filedOn();
        if (last != null) {
            String cite = Citations.conversion(rule.onConversion(), rule.category());
            if (rule.onConversion() == ConversionRule.FROM_CONVERSION) {
                start = last.on();
                explanation.add(cite + ": converted from " + last.fromProcedure() + " to " + last.toProcedure() + " on "
                        + last.on() + "; the clock starts on the conversion day");
            } else {
                explanation.add(cite + ": converted from " + last.fromProcedure() + " to " + last.toProcedure() + " on "
                        + last.on() + "; the clock keeps the filing date " + in.filedOn());
            }
        }
        if (!in.restarts().isEmpty()) {
            LocalDate restart = in.restarts().stream().max(Comparator.naturalOrder()).orElseThrow();
            if (!rule.restartable()) {
                flags.add("RESTART_NOT_APPLICABLE: " + rule.code() + " has no clock restart; restart on " + restart + " ignored");
            } else if (restart.isAfter(start)) {
                start = restart;
                explanation.add(Citations.RESTART + ": clock restarted on " + restart + " (a new clock)");
            } else {
                explanation.add("restart on " + restart + " precedes the clock start " + start + "; no effect");
            }
        }
        return start;
    }

    private static Deadline none(DeadlineInput in, String policy, List<String> explanation, List<String> flags) {
        return new Deadline(null, Deadline.Kind.NONE, in.filedOn(), null, 0, Period.ZERO, false, true, policy,
                explanation, flags);
    }
}
