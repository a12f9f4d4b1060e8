package org.caseflow.streams.runtime.simulator;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.caseflow.events.Procedure;
import org.caseflow.streams.domain.cases.AvroVocabulary;
import org.caseflow.streams.domain.cases.CaseNumbers;
import org.caseflow.streams.domain.rules.ProcedureRule;
import org.caseflow.streams.domain.rules.RuleTable;
import org.caseflow.streams.domain.seeds.Seeds;

/**
 * The procedures the simulator files cases under, each with its law read from the loaded rule table and case-number
 * table (limits, extension, approver, exclusions, type code) and its behaviour from {@link ProcedureProfile}. Built
 * once where the simulator is built, from the seeds the command loaded; a table that cannot serve a simulated
 * procedure (no rule, no limit, no type code) is refused here, before any event is drawn.
 */
public final class SimulatedProcedures {
    private final Map<Procedure, SimulatedProcedure> procedures;

    private SimulatedProcedures(Map<Procedure, SimulatedProcedure> procedures) {
        this.procedures = procedures;
    }

    /** From loaded seeds: their rule table and case-number table. */
    public static SimulatedProcedures from(Seeds seeds) {
        return from(seeds.rules(), seeds.caseNumbers());
    }

    /**
     * From a rule table and a case-number table (e.g. an alternative rule table, to simulate under a proposed
     * amendment).
     *
     * @throws IllegalArgumentException when a simulated procedure has no rule, no limit or no type code
     */
    public static SimulatedProcedures from(RuleTable rules, CaseNumbers caseNumbers) {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(caseNumbers, "caseNumbers");
        Map<Procedure, SimulatedProcedure> procedures = new EnumMap<>(Procedure.class);
        for (ProcedureProfile profile : ProcedureProfile.all().values()) {
            org.caseflow.streams.domain.rules.Procedure code = AvroVocabulary.procedure(profile.procedure());
            ProcedureRule rule = rules.find(code).orElseThrow(() -> new IllegalArgumentException(
                    "the simulator files " + code + " cases, but the rule table has no rule for them"));
            CaseNumbers.Type type = caseNumbers.typeOf(code).orElseThrow(() -> new IllegalArgumentException(
                    "the simulator files " + code + " cases, but the case-number table gives them no type code"));
            procedures.put(profile.procedure(), new SimulatedProcedure(profile, ProcedureLaw.of(rule, type)));
        }
        return new SimulatedProcedures(procedures);
    }

    SimulatedProcedure of(Procedure procedure) {
        SimulatedProcedure p = procedures.get(procedure);
        if (p == null) {
            throw new IllegalArgumentException("the simulator does not generate " + procedure);
        }
        return p;
    }
}
