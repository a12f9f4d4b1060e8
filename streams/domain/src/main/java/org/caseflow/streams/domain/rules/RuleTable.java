package org.caseflow.streams.domain.rules;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.caseflow.streams.domain.seeds.SeedFiles;

/**
 * The trial-limit rules of all procedures, loaded from {@code seeds/rules/trial-limits.yaml}
 * (DOMAIN §1). Immutable; one entry per {@link Procedure}: the reader refuses a table that misses one, so every
 * lookup finds its rule.
 */
public final class RuleTable {
    private final Map<Procedure, ProcedureRule> rules;
    private final WrongApproverPolicy wrongApprover;
    private final org.caseflow.streams.domain.seeds.ReferenceVersion version;

    RuleTable(Map<Procedure, ProcedureRule> rules, WrongApproverPolicy wrongApprover,
            org.caseflow.streams.domain.seeds.ReferenceVersion version) {
        this.rules = Collections.unmodifiableMap(new LinkedHashMap<>(rules));
        this.wrongApprover = wrongApprover;
        this.version = version;
    }

    /** The table's version as its file states it (cited by every deadline computed with it). */
    public org.caseflow.streams.domain.seeds.ReferenceVersion version() {
        return version;
    }

    /** Loads and validates the table; a malformed file fails with a {@code SeedException}. */
    public static RuleTable load(Path file, SeedFiles files) {
        return RuleTableReader.read(file, files.read(file));
    }

    /** Validates a rule file that arrived as bytes (a publication, issue 15); errors cite {@code file}. */
    public static RuleTable parse(Path file, byte[] content) {
        return RuleTableReader.read(file, content);
    }

    /**
     * The procedure codes whose rule differs between this table and {@code other} (added, removed or changed);
     * every code of both when the wrong-approver policy differs.
     */
    public java.util.Set<Procedure> proceduresChangedFrom(RuleTable other) {
        java.util.Set<Procedure> all = java.util.EnumSet.noneOf(Procedure.class);
        all.addAll(rules.keySet());
        all.addAll(other.rules.keySet());
        if (wrongApprover != other.wrongApprover) {
            return all;
        }
        all.removeIf(code -> java.util.Objects.equals(rules.get(code), other.rules.get(code)));
        return all;
    }

    /** Whether an extension approved by an authority the law does not name moves the deadline. */
    public WrongApproverPolicy wrongApprover() {
        return wrongApprover;
    }

    /** The rule of a procedure (a loaded table has one for every procedure). */
    public ProcedureRule rule(Procedure procedure) {
        ProcedureRule rule = rules.get(procedure);
        if (rule == null) {
            throw new IllegalStateException("the rule table has no rule for " + procedure);
        }
        return rule;
    }

    /** The rule of a procedure; empty only for a null procedure (a case not filed yet). */
    public Optional<ProcedureRule> find(Procedure procedure) {
        return procedure == null ? Optional.empty() : Optional.ofNullable(rules.get(procedure));
    }

    /** All rules in file order. */
    public Collection<ProcedureRule> all() {
        return rules.values();
    }
}
