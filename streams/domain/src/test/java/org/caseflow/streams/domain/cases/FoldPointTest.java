package org.caseflow.streams.domain.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.EnforcementPayment;
import org.caseflow.events.HearingHeld;
import org.caseflow.events.HearingPostponed;
import org.caseflow.events.HearingScheduled;
import org.caseflow.events.Procedure;
import org.junit.jupiter.api.Test;

/**
 * The incremental fold: resuming from a stored {@link FoldPoint} and folding one more event equals folding
 * every event again, whatever the arrival order; the history is read only for an event out of order.
 */
class FoldPointTest {
    static final String CASE = "(2025)湘0211执100号";
    static final CaseId ID = new CaseId(CASE);
    static final ZoneId ZONE = TestEvents.ZONE;
    final CaseFolder folder = new CaseFolder(CaseEngineTest.SEEDS.rules());

    /** A history with every kind of event the fold accumulates across steps. */
    static List<CaseEvent> history() {
        LocalDate d = LocalDate.of(2025, 2, 10);
        List<CaseEvent> events = new ArrayList<>();
        events.add(TestEvents.filed("f", CASE, Procedure.CIVIL_FIRST_ORDINARY, d));
        events.add(TestEvents.judge("j", CASE, d.plusDays(2), "J-5"));
        events.add(TestEvents.event("hs", CASE, d.plusDays(3), HearingScheduled.newBuilder().setHearingId("h1")
                .setScheduledFor(TestEvents.at(d.plusDays(20))).build()));
        events.add(TestEvents.event("hp", CASE, d.plusDays(10), HearingPostponed.newBuilder().setHearingId("h1")
                .build()));
        events.add(TestEvents.event("hh", CASE, d.plusDays(20), HearingHeld.newBuilder().setHearingId("h1")
                .setHeldOn(d.plusDays(20)).build()));
        events.add(TestEvents.suspended("s", CASE, org.caseflow.events.SuspensionReason.APPRAISAL, d.plusDays(25)));
        events.add(TestEvents.resumed("r", CASE, org.caseflow.events.SuspensionReason.APPRAISAL, d.plusDays(40)));
        events.add(TestEvents.suspended("s2", CASE, org.caseflow.events.SuspensionReason.PUBLIC_NOTICE,
                d.plusDays(50)));
        for (int i = 0; i < 5; i++) {
            events.add(TestEvents.event("p" + i, CASE, d.plusDays(60 + i), EnforcementPayment.newBuilder()
                    .setAmount(new BigDecimal("10.25")).setPaidOn(d.plusDays(60 + i)).build()));
        }
        events.add(TestEvents.closed("c", CASE, d.plusDays(90)));
        events.add(TestEvents.closed("c-again", CASE, d.plusDays(91))); // refused by the fold
        return events;
    }

    FoldPoint foldInArrivalOrder(List<CaseEvent> arrivals, AtomicInteger historyReads) {
        InMemoryEventLog log = new InMemoryEventLog();
        FoldPoint point = null;
        for (CaseEvent e : arrivals) {
            point = folder.advance(ID, point, e, ZONE, () -> {
                historyReads.incrementAndGet();
                return log.events(CASE);
            });
            log.append(e);
        }
        return point;
    }

    CaseView foldAll(List<CaseEvent> events) {
        List<CaseEvent> sorted = new ArrayList<>(events);
        sorted.sort(CaseFolder.canonicalOrder(ZONE));
        return folder.fold(ID, sorted, ZONE);
    }

    @Test
    void shouldFoldEventsArrivingInOrderOneStepEachWithoutReadingTheHistory() {
        AtomicInteger reads = new AtomicInteger();
        FoldPoint point = foldInArrivalOrder(history(), reads);

        assertThat(reads).hasValue(0);
        assertThat(point.view()).isEqualTo(foldAll(history()));
        assertThat(point.events()).isEqualTo(history().size());
        assertThat(point.view().paidTotal()).isEqualByComparingTo("51.25");
        assertThat(point.view().hearings()).singleElement().satisfies(h -> assertThat(h.onFirstDate()).isTrue());
        assertThat(point.view().rejections()).containsOnlyKeys("c-again");
    }

    @Property(tries = 100)
    void shouldEqualAFullFoldWhateverTheArrivalOrder(@ForAll("permutations") List<Integer> order) {
        List<CaseEvent> events = history();
        List<CaseEvent> arrivals = new ArrayList<>();
        order.forEach(i -> arrivals.add(events.get(i)));

        FoldPoint point = foldInArrivalOrder(arrivals, new AtomicInteger());

        assertThat(point.view()).isEqualTo(foldAll(events));
        assertThat(point.last()).isEqualTo(OrderKey.of(arrivals.stream().max(CaseFolder.canonicalOrder(ZONE))
                .orElseThrow(), ZONE));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<List<Integer>> permutations() {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < history().size(); i++) {
            indexes.add(i);
        }
        return net.jqwik.api.Arbitraries.shuffle(indexes);
    }

    @Property(tries = 50)
    void shouldCountEveryAcceptedEvent(@ForAll @Size(min = 1, max = 13) List<@net.jqwik.api.constraints.IntRange(
            min = 0, max = 13) Integer> picks) {
        List<CaseEvent> events = history();
        List<CaseEvent> arrivals = new ArrayList<>();
        picks.stream().distinct().forEach(i -> arrivals.add(events.get(i)));

        FoldPoint point = foldInArrivalOrder(arrivals, new AtomicInteger());

        assertThat(point.events()).isEqualTo(arrivals.size());
        assertThat(point.view()).isEqualTo(foldAll(arrivals));
    }

    @Test
    void shouldRestartFromTheEngineStateOfACaseNeverSeen() {
        InMemoryEventLog log = new InMemoryEventLog();
        CaseEngine engine = new CaseEngine(CaseEngineTest.SEEDS, CaseEngine.Settings.defaults());
        CaseResult first = engine.onEvent(log, null, history().get(0), Instant.parse("2025-02-10T03:00:00Z"));
        CaseResult again = engine.onEvent(log, first.state(), history().get(0), Instant.parse("2025-02-11T03:00:00Z"));

        assertThat(again.outcome()).isEqualTo(CaseResult.Outcome.DUPLICATE);
        assertThat(log.events(CASE)).hasSize(1);
    }
}
