package org.caseflow.streams.runtime.simulator;

import org.caseflow.events.Procedure;
import org.caseflow.streams.domain.rules.Category;

/** A procedure as the simulator runs it: what the seeds say of it ({@code law}) and how its cases behave. */
record SimulatedProcedure(ProcedureProfile profile, ProcedureLaw law) {
    Procedure procedure() {
        return profile.procedure();
    }

    Category category() {
        return law.category();
    }
}
