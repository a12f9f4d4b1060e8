package org.caseflow.streams.domain.rules;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The trial-limit rules of all procedures, loaded from {@code seeds/rules/trial-limits.yaml}
 * (DOMAIN §1). Immutable; one entry per {@code org.caseflow.events.Procedure} code.
 */
public final class RuleTable {
    private final Map<String, ProcedureRule> rules;

    RuleTable(Map<String, ProcedureRule> rules) {
        this.rules = Collections.unmodifiableMap(new LinkedHashMap<>(rules));
    }

    /** Loads and validates the table; a malformed file fails with a {@code SeedException}. */
    public static RuleTable load(Path file) {
        return new RuleTable(RuleTableReader.read(file));
    }

    /** The rule of a procedure; an unknown code raises {@link UnknownProcedureException}. */
    public ProcedureRule rule(String code) {
        ProcedureRule rule = rules.get(code);
        if (rule == null) {
            throw new UnknownProcedureException(code);
        }
        return rule;
    }

    public Optional<ProcedureRule> find(String code) {
        return Optional.ofNullable(rules.get(code));
    }

    /** All rules in file order. */
    public Collection<ProcedureRule> all() {
        return rules.values();
    }
}
