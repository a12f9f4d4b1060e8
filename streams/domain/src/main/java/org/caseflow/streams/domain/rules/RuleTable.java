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
    private final WrongApproverPolicy wrongApprover;
    private final org.caseflow.streams.domain.seeds.ReferenceVersion version;

    RuleTable(Map<String, ProcedureRule> rules, WrongApproverPolicy wrongApprover,
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
    public static RuleTable load(Path file) {
        return RuleTableReader.read(file);
    }

    /** Validates a rule file that arrived as bytes (a publication, issue 15); errors cite {@code file}. */
    public static RuleTable parse(Path file, byte[] content) {
        return RuleTableReader.read(file, content);
    }

    /**
     * The procedure codes whose rule differs between this table and {@code other} (added, removed or changed);
     * every code of both when the wrong-approver policy differs.
     */
    public java.util.Set<String> proceduresChangedFrom(RuleTable other) {
        java.util.Set<String> all = new java.util.TreeSet<>(rules.keySet());
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
