package org.caseflow.streams.runtime.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.caseflow.events.CaseEvent;
import org.caseflow.streams.domain.seeds.TestSeeds;
import org.caseflow.streams.runtime.simulator.SimulationSettings;
import org.caseflow.streams.runtime.simulator.Simulator;
import org.junit.jupiter.api.Test;

/** The bench publishes exactly the simulated events it was given, in their order, whichever form it holds them in. */
class EncodedEventsTest {
    @Test
    void shouldGiveBackEveryEventEqualAndInOrder() {
        Simulator simulator = Simulator.ofSeeds(new SimulationSettings(SimulationSettings.DEFAULT_SEED,
                SimulationSettings.DEFAULT_START, 365, 1.0), TestSeeds.load(Path.of("seeds")), "湘02");
        List<CaseEvent> simulated = new ArrayList<>();
        Iterator<CaseEvent> it = simulator.iterator();
        while (it.hasNext() && simulated.size() < 2_000) {
            simulated.add(it.next());
        }

        EncodedEvents encoded = EncodedEvents.of(simulated);
        List<CaseEvent> back = new ArrayList<>();
        encoded.forEach(back::add);

        assertThat(encoded.size()).isEqualTo(2_000);
        assertThat(back).isEqualTo(simulated);
        // Twice: each round of the bench publishes the same events again.
        List<CaseEvent> again = new ArrayList<>();
        encoded.forEach(again::add);
        assertThat(again).isEqualTo(simulated);
    }
}
