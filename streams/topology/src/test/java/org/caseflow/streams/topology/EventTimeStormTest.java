package org.caseflow.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseflow.streams.domain.cases.TestEvents.closed;
import static org.caseflow.streams.domain.cases.TestEvents.filed;
import static org.caseflow.streams.domain.cases.TestEvents.midnight;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.caseflow.events.AlertLevel;
import org.caseflow.events.AlertStatus;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.CaseSnapshot;
import org.caseflow.events.CaseStatus;
import org.caseflow.events.DeadlineAlert;
import org.caseflow.events.Procedure;
import org.caseflow.streams.domain.cases.CaseEngine;
import org.caseflow.streams.domain.cases.TestEvents;
import org.caseflow.streams.domain.seeds.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Event time under bounded timer work: a storm of thresholds crossed at one midnight drains in steps, records
 * behind it wait, and the outputs are exactly those of an unbounded run (the replay). A late event is applied
 * as of its own time. Deadlines: CPL 164 (summary procedure, 3 months): filed 2025-03-03 → due 2025-06-03;
 * NOTICE at 15 days left (2025-05-19 00:00), WARNING at 7 (2025-05-27 00:00), lead times of seeds/rules.
 */
class EventTimeStormTest {
    static final Seeds SEEDS = TopologyFixture.SEEDS;
    static final LocalDate FILED = LocalDate.of(2025, 3, 3);
    static final LocalDate NOTICE_DAY = LocalDate.of(2025, 5, 19);
    static final int CASES = 50;

    @TempDir
    Path stateDir;

    /** The topology on event time with a bound on timer work per step; held records drain on the wall clock. */
    final class Run implements AutoCloseable {
        final TopologyFixture fixture;
        final TopologyTestDriver driver;
        final TestInputTopic<String, CaseEvent> filings;
        final TestOutputTopic<String, DeadlineAlert> alerts;
        final TestOutputTopic<String, CaseSnapshot> snapshots;
        final SimpleMeterRegistry registry = new SimpleMeterRegistry();
        final List<DeadlineAlert> alertLog = new ArrayList<>();
        int drainSteps;

        Run(String name, int maxTimersPerStep) {
            TopologySettings settings = TopologyFixture.liveSettings().withClockMode(ClockMode.EVENT_TIME)
                    .withTickMaxTimers(maxTimersPerStep);
            fixture = TopologyFixture.of(CaseflowTopology.build(settings, new CaseEngine(SEEDS, CaseEngine.Settings.defaults()),
                    registry)).applicationId("storm-" + name).stateDir(stateDir.resolve(name)).start(Instant.EPOCH);
            driver = fixture.driver();
            filings = fixture.events(TopicNames.DEFAULT.caseFilings());
            alerts = fixture.alerts();
            snapshots = fixture.snapshots();
        }

        void pipe(CaseEvent event) {
            filings.pipeInput(event.getCaseId(), event, event.getOccurredAt());
            alertLog.addAll(alerts.readValuesToList());
        }

        void tick(Instant at) {
            filings.pipeInput("__clock__", null, at);
            alertLog.addAll(alerts.readValuesToList());
        }

        long held() {
            KeyValueStore<String, byte[]> store = driver.getKeyValueStore(StoreNames.HELD_EVENTS);
            long n = 0;
            try (KeyValueIterator<String, byte[]> it = store.all()) {
                for (; it.hasNext(); it.next()) {
                    n++;
                }
            }
            return n;
        }

        /** Lets the wall-clock punctuator run until nothing is held (bounded, so a bug cannot hang the test). */
        void drain() {
            for (int i = 0; i < 1_000 && held() > 0; i++) {
                driver.advanceWallClockTime(Duration.ofSeconds(1));
                drainSteps++;
                alertLog.addAll(alerts.readValuesToList());
            }
        }

        /** The counter's total over all its label values (e.g. late events of every input topic). */
        double counter(String name) {
            return registry.find(name).counters().stream().mapToDouble(c -> c.count()).sum();
        }

        @Override
        public void close() {
            fixture.close();
        }
    }

    static String caseId(int i) {
        return "(2025)湘0211民初" + (500 + i) + "号";
    }

    /** Fifty cases due the same day, then (after their NOTICE midnight) one of them closes, then a tick. */
    static void stormScript(Run run) {
        for (int i = 0; i < CASES; i++) {
            run.pipe(filed("f" + i, caseId(i), Procedure.CIVIL_FIRST_SUMMARY, FILED));
        }
        run.pipe(closed("c0", caseId(0), NOTICE_DAY.plusDays(1)));
        run.tick(midnight(NOTICE_DAY.plusDays(2)));
        run.drain();
    }

    @Test
    void shouldDrainAStormInBoundedStepsWithTheSameAlertsAsAnUnboundedRun() {
        List<DeadlineAlert> unbounded;
        try (Run replayLike = new Run("unbounded", Integer.MAX_VALUE)) {
            stormScript(replayLike);
            unbounded = replayLike.alertLog;
            assertThat(replayLike.drainSteps).isZero();
        }
        try (Run bounded = new Run("bounded", 7)) {
            for (int i = 0; i < CASES; i++) {
                bounded.pipe(filed("f" + i, caseId(i), Procedure.CIVIL_FIRST_SUMMARY, FILED));
            }
            bounded.pipe(closed("c0", caseId(0), NOTICE_DAY.plusDays(1)));
            // 50 NOTICE timers are due before the closing: one step fires 7, the closing waits behind the rest.
            assertThat(bounded.alertLog).hasSize(7);
            assertThat(bounded.held()).isEqualTo(1);
            bounded.tick(midnight(NOTICE_DAY.plusDays(2)));
            assertThat(bounded.held()).as("records behind a held one wait too").isEqualTo(2);
            bounded.drain();

            assertThat(bounded.held()).isZero();
            assertThat(bounded.drainSteps).isGreaterThan(1);
            assertThat(bounded.alertLog).containsExactlyElementsOf(unbounded);
            assertThat(bounded.counter("caseflow.events.held")).isEqualTo(2);
        }
        // Every NOTICE fired before the closing was applied; the closed case's NOTICE then resolved.
        assertThat(unbounded).hasSize(CASES + 1);
        assertThat(unbounded.subList(0, CASES)).allSatisfy(a -> {
            assertThat(a.getLevel()).isEqualTo(AlertLevel.NOTICE);
            assertThat(a.getStatus()).isEqualTo(AlertStatus.FIRING);
        });
        DeadlineAlert last = unbounded.get(CASES);
        assertThat(last.getCaseId()).isEqualTo(caseId(0));
        assertThat(last.getStatus()).isEqualTo(AlertStatus.RESOLVED);
    }

    @Test
    void shouldApplyALateClosingAsOfItsOwnTimeAndResolveTheAlertsItMakesWrong() {
        String id = caseId(0);
        try (Run run = new Run("late", Integer.MAX_VALUE)) {
            run.pipe(filed("f", id, Procedure.CIVIL_FIRST_SUMMARY, FILED));
            // The clock passes NOTICE (05-19) and WARNING (05-27) before the closing of 05-18 is recorded.
            run.tick(midnight(LocalDate.of(2025, 5, 30)));
            assertThat(run.alertLog).extracting(DeadlineAlert::getLevel)
                    .containsExactly(AlertLevel.NOTICE, AlertLevel.WARNING);
            run.snapshots.readValuesToList();

            run.pipe(closed("c", id, LocalDate.of(2025, 5, 18)));

            assertThat(run.counter("caseflow.events.late")).isEqualTo(1);
            Map<String, AlertStatus> lastStatus = new HashMap<>();
            run.alertLog.forEach(a -> lastStatus.put(a.getAlertId(), a.getStatus()));
            assertThat(lastStatus).hasSize(2).allSatisfy((alertId, status) ->
                    assertThat(status).as(alertId).isEqualTo(AlertStatus.RESOLVED));
            CaseSnapshot closedCase = run.snapshots.readValuesToList().get(0);
            assertThat(closedCase.getStatus()).isEqualTo(CaseStatus.CLOSED);
            assertThat(closedCase.getOnTime()).isTrue();
        }
        // In time order (replay) the same events raise nothing at all: the case closed before any threshold.
        try (Run inOrder = new Run("in-order", Integer.MAX_VALUE)) {
            inOrder.pipe(filed("f", id, Procedure.CIVIL_FIRST_SUMMARY, FILED));
            inOrder.pipe(closed("c", id, LocalDate.of(2025, 5, 18)));
            inOrder.tick(midnight(LocalDate.of(2025, 5, 30)));
            assertThat(inOrder.alertLog).isEmpty();
            assertThat(inOrder.counter("caseflow.events.late")).isZero();
        }
    }

    @Test
    void shouldNotTreatAnEventOfTheClocksOwnDayAsLate() {
        try (Run run = new Run("same-day", Integer.MAX_VALUE)) {
            run.pipe(filed("f", caseId(1), Procedure.CIVIL_FIRST_SUMMARY, FILED));
            run.tick(TestEvents.at(FILED).plusSeconds(3600));
            run.pipe(TestEvents.judge("j", caseId(1), FILED, "J-7"));
            assertThat(run.counter("caseflow.events.late")).isZero();
        }
    }
}
