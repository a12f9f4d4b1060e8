package org.caseflow.streams.domain.rules;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The trial-limit rule of one procedure, loaded from {@code seeds/rules/trial-limits.yaml}.
 * {@code limitAmount}/{@code unit} null means the procedure has no statutory limit.
 */
public record ProcedureRule(Procedure code, Category category, Instance instance, Integer limitAmount, LimitUnit unit,
        MonthRule monthRule, List<ExtensionStep> extensions, Set<ExclusionReason> excludedReasons,
        ConversionRule onConversion, boolean restartable, LeadTimes leadTimes, List<String> sources) {

    public ProcedureRule {
        extensions = List.copyOf(extensions);
        excludedReasons = Set.copyOf(excludedReasons);
        sources = List.copyOf(sources);
    }

    public boolean hasLimit() {
        return limitAmount != null && unit != null;
    }

    /** The base limit as a span; empty when there is no limit. */
    public Optional<Span> limit() {
        return hasLimit() ? Optional.of(Span.of(limitAmount, unit)) : Optional.empty();
    }

    public boolean excludes(ExclusionReason reason) {
        return excludedReasons.contains(reason);
    }

    public Optional<ExtensionStep> step(Approver approver) {
        return extensions.stream().filter(s -> s.approver() == approver).findFirst();
    }

    /** Sources joined for explanation lines, e.g. "CPL 164; CPL Interp. 258". */
    public String citation() {
        return String.join("; ", sources);
    }
}
