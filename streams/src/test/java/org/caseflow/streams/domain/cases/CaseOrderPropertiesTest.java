package org.caseflow.streams.domain.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseflow.streams.domain.cases.TestEvents.closed;
import static org.caseflow.streams.domain.cases.TestEvents.extended;
import static org.caseflow.streams.domain.cases.TestEvents.filed;
import static org.caseflow.streams.domain.cases.TestEvents.judge;
import static org.caseflow.streams.domain.cases.TestEvents.resumed;
import static org.caseflow.streams.domain.cases.TestEvents.suspended;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.caseflow.events.Approver;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.CaseSnapshot;
import org.caseflow.events.Procedure;
import org.caseflow.events.SuspensionReason;

/** Order independence and idempotence of the case state (issue 3). */
class CaseOrderPropertiesTest {
    static final String CASE = "(2025)湘0211民初7号";
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    final CaseEngine engine = new CaseEngine(CaseEngineTest.SEEDS, CaseEngine.Settings.defaults());
    final EngineHarness cases = new EngineHarness(engine);

    static List<CaseEvent> history() {
        return List.of(
                filed("f", CASE, Procedure.CIVIL_FIRST_ORDINARY, LocalDate.of(2025, 2, 10)),
                judge("j", CASE, LocalDate.of(2025, 2, 12), "J-5"),
                suspended("s1", CASE, SuspensionReason.APPRAISAL, LocalDate.of(2025, 3, 1)),
                suspended("s2", CASE, SuspensionReason.PUBLIC_NOTICE, LocalDate.of(2025, 3, 15)),
                resumed("r1", CASE, SuspensionReason.APPRAISAL, LocalDate.of(2025, 4, 1)),
                resumed("r2", CASE, SuspensionReason.PUBLIC_NOTICE, LocalDate.of(2025, 5, 1)),
                extended("x", CASE, 6, Approver.PRESIDENT, LocalDate.of(2025, 9, 1)),
                closed("c", CASE, LocalDate.of(2025, 12, 1)));
    }

    CaseSnapshot apply(List<CaseEvent> events) {
        CaseState state = null;
        for (CaseEvent e : events) {
            state = cases.onEvent(state, e, NOW).state();
        }
        // The deadline version counts how often the deadline moved while events arrived: it is alert
        // bookkeeping and depends on the arrival order by design; everything else must not.
        return CaseSnapshot.newBuilder(engine.snapshot(state, NOW).orElseThrow()).setDeadlineVersion(0).build();
    }

    @Property(tries = 200)
    void shouldReachTheSameStateWhateverTheArrivalOrder(@ForAll long seed) {
        List<CaseEvent> shuffled = new ArrayList<>(history());
        Collections.shuffle(shuffled, new Random(seed));

        assertThat(apply(shuffled)).isEqualTo(apply(history()));
    }

    @Property(tries = 100)
    void shouldIgnoreDuplicatesAnywhereInTheStream(@ForAll long seed) {
        Random random = new Random(seed);
        List<CaseEvent> withDuplicates = new ArrayList<>(history());
        for (int i = 0; i < 4; i++) {
            withDuplicates.add(random.nextInt(withDuplicates.size() + 1),
                    history().get(random.nextInt(history().size())));
        }
        Collections.shuffle(withDuplicates, random);

        assertThat(apply(withDuplicates)).isEqualTo(apply(history()));
    }
}
