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
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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

    /** Arrival orders as event ids: a failure shrinks towards the filing order and reports a readable history. */
    @Provide
    Arbitrary<List<String>> arrivalOrders() {
        return Arbitraries.shuffle(ids());
    }

    /**
     * The history with one to six events delivered again, in any order: a failure shrinks to the fewest duplicates,
     * the earliest events repeated and the order closest to the filing order.
     */
    @Provide
    Arbitrary<List<String>> withDuplicates() {
        return Arbitraries.of(ids()).list().ofMinSize(1).ofMaxSize(6).flatMap(repeated -> {
            List<String> all = new ArrayList<>(ids());
            all.addAll(repeated);
            return Arbitraries.shuffle(all);
        });
    }

    @Property(tries = 200)
    void shouldReachTheSameStateWhateverTheArrivalOrder(@ForAll("arrivalOrders") List<String> arrivalOrder) {
        assertThat(apply(events(arrivalOrder))).isEqualTo(apply(history()));
    }

    @Property(tries = 200)
    void shouldIgnoreDuplicatesAnywhereInTheStream(@ForAll("withDuplicates") List<String> arrivalOrder) {
        assertThat(apply(events(arrivalOrder))).isEqualTo(apply(history()));
    }

    private static List<String> ids() {
        return history().stream().map(CaseEvent::getEventId).toList();
    }

    /** Fresh events for the ids, in their order (a repeated id is the same event again). */
    private static List<CaseEvent> events(List<String> ids) {
        Map<String, CaseEvent> byId = history().stream().collect(Collectors.toMap(CaseEvent::getEventId, e -> e));
        return ids.stream().map(id -> CaseEvent.newBuilder(byId.get(id)).build()).toList();
    }
}
