package org.caseflow.streams.runtime.simulator;

import java.nio.file.Path;
import org.caseflow.streams.domain.seeds.Seeds;
import org.caseflow.streams.domain.seeds.TestSeeds;

/** Test helper: simulators over the repository's seeds (rule table, case-number table), the Zhuzhou courts. */
final class SeededSimulators {
    static final Seeds SEEDS = TestSeeds.load(Path.of("seeds"));
    static final SimulatedProcedures PROCEDURES = SimulatedProcedures.from(SEEDS);

    private SeededSimulators() {
    }

    /** The Zhuzhou courts, weekends off (no holiday calendar), the seeds' procedures. */
    static Simulator zhuzhou(SimulationSettings settings) {
        return zhuzhou(settings, PROCEDURES);
    }

    /** The Zhuzhou courts, weekends off, the given procedures (e.g. from an altered rule table). */
    static Simulator zhuzhou(SimulationSettings settings, SimulatedProcedures procedures) {
        return new Simulator(settings, SimulatedCourts.zhuzhou(), WorkingTime.WEEKEND, procedures);
    }
}
