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
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.caseflow.events.AlertLevel;
import org.caseflow.events.AlertStatus;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.CaseSnapshot;
import org.caseflow.events.DeadlineAlert;
import org.caseflow.events.HearingScheduled;
import org.caseflow.events.Procedure;
import org.caseflow.streams.domain.cases.CaseEngine;
import org.caseflow.streams.domain.cases.TestEvents;
import org.caseflow.streams.domain.seeds.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Event time across the three inputs at a local midnight ({@link OrderBarrier}): the filings producer is a second
 * behind the hearings producer when a midnight passes. Case A is filed 2025-03-03 under the summary procedure
 * (Civil Procedure Law art. 164: three months, due 2025-06-03), so its NOTICE (15 days left, seeds/rules) falls at
 * 2025-05-19 00:00 Beijing time; it is closed at 23:59 the evening before. Case B's hearing is scheduled at 00:00:30.
 * In time order (a replay) A never raises an alert.
 */
class OrderBarrierTest {
    static final Seeds SEEDS = TopologyFixture.SEEDS;
    static final LocalDate FILED = LocalDate.of(2025, 3, 3);
    static final LocalDate EVE = LocalDate.of(2025, 5, 18);
    static final Instant CLOSING = midnight(EVE.plusDays(1)).minusSeconds(60);
    static final Instant AFTER_MIDNIGHT = midnight(EVE.plusDays(1)).plusSeconds(30);
    static final Duration GRACE = Duration.ofSeconds(2);
    static final String A = "(2025)湘0211民初601号";
    static final String B = "(2025)湘0211民初602号";
    static final String C = "(2025)湘0211民初603号";

    @TempDir
    Path stateDir;

    final class Run implements AutoCloseable {
        final TopologyFixture fixture;
        final TopologyTestDriver driver;
        final TestInputTopic<String, CaseEvent> filings;
        final TestInputTopic<String, CaseEvent> hearings;
        final TestInputTopic<String, CaseEvent> enforcement;
        final TestOutputTopic<String, DeadlineAlert> alerts;
        final TestOutputTopic<String, CaseSnapshot> snapshots;
        final SimpleMeterRegistry registry = new SimpleMeterRegistry();
        final List<DeadlineAlert> alertLog = new ArrayList<>();
        final List<CaseSnapshot> snapshotLog = new ArrayList<>();
        double heldBefore;

        Run(String name, Duration grace) {
            this(name, grace, Instant.EPOCH);
        }

        /** {@code wallClock}: where the driver's wall clock starts (the records are stamped in 2025). */
        Run(String name, Duration grace, Instant wallClock) {
            TopologySettings settings = TopologyFixture.liveSettings().withClockMode(ClockMode.EVENT_TIME)
                    .withOrderGrace(grace);
            fixture = TopologyFixture.of(CaseflowTopology.build(settings, new CaseEngine(SEEDS, CaseEngine.Settings.defaults()),
                    registry)).applicationId("order-" + name).stateDir(stateDir.resolve(name)).start(wallClock);
            driver = fixture.driver();
            filings = fixture.events(TopicNames.DEFAULT.caseFilings());
            hearings = fixture.events(TopicNames.DEFAULT.caseHearings());
            enforcement = fixture.events(TopicNames.DEFAULT.enforcement());
            alerts = fixture.alerts();
            snapshots = fixture.snapshots();
        }

        void pipe(TestInputTopic<String, CaseEvent> topic, CaseEvent event) {
            topic.pipeInput(event.getCaseId(), event, event.getOccurredAt());
            collect();
        }

        void tick(TestInputTopic<String, CaseEvent> topic, Instant at) {
            topic.pipeInput("__clock__", null, at);
            collect();
        }

        void wallClockPasses(Duration d) {
            driver.advanceWallClockTime(d);
            collect();
        }

        void collect() {
            alertLog.addAll(alerts.readValuesToList());
            snapshotLog.addAll(snapshots.readValuesToList());
        }

        /**
         * A and B filed (a fresh task's first records wait out the grace once: nothing delivered yet on the other
         * inputs), case C filed by the filings producer at 23:00 on the eve, then B's hearing from the hearings
         * producer, a second ahead of the filings one.
         */
        void hearingAheadOfTheClosing() {
            pipe(filings, filed("fa", A, Procedure.CIVIL_FIRST_SUMMARY, FILED));
            pipe(filings, filed("fb", B, Procedure.CIVIL_FIRST_SUMMARY, FILED));
            wallClockPasses(GRACE);
            pipe(filings, CaseEvent.newBuilder(filed("fc", C, Procedure.CIVIL_FIRST_ORDINARY, EVE))
                    .setOccurredAt(midnight(EVE.plusDays(1)).minusSeconds(3_600)).build());
            heldBefore = counter("caseflow.events.order.held");
            pipe(hearings, hearing("hb", B, AFTER_MIDNIGHT));
        }

        /** The hearing was applied: it moved the clock past midnight, where B (open) crosses its NOTICE. */
        boolean sawHearingOfB() {
            return alertLog.stream().anyMatch(a -> a.getCaseId().equals(B) && a.getLevel() == AlertLevel.NOTICE);
        }

        double counter(String name) {
            return registry.find(name).counters().stream().mapToDouble(c -> c.count()).sum();
        }

        @Override
        public void close() {
            fixture.close();
        }
    }

    static CaseEvent hearing(String id, String caseId, Instant at) {
        CaseEvent event = TestEvents.event(id, caseId, EVE, HearingScheduled.newBuilder().setHearingId(id)
                .setScheduledFor(at.plus(Duration.ofDays(3))).build());
        return CaseEvent.newBuilder(event).setOccurredAt(at).build();
    }

    static CaseEvent closedAt(String id, String caseId, Instant at) {
        return CaseEvent.newBuilder(closed(id, caseId, EVE)).setOccurredAt(at).build();
    }

    @Test
    void shouldApplyAClosingOfTheEveBeforeTheMidnightARecordOfAnotherInputAlreadyPassed() {
        try (Run run = new Run("barrier", GRACE)) {
            run.hearingAheadOfTheClosing();
            assertThat(run.sawHearingOfB()).as("the hearing after midnight waits for the filings input").isFalse();
            assertThat(run.counter("caseflow.events.order.held")).isEqualTo(run.heldBefore + 1);

            run.pipe(run.filings, closedAt("ca", A, CLOSING)); // the filings producer, a second behind
            assertThat(run.sawHearingOfB()).as("filings has delivered nothing after the hearing yet").isFalse();
            run.tick(run.filings, AFTER_MIDNIGHT.plusSeconds(10));

            // The filings input has now delivered a record after the hearing's time (enforcement is silent): the
            // hearing goes, and A was closed before the midnight.
            assertThat(run.sawHearingOfB()).isTrue();
            assertThat(run.alertLog).noneMatch(a -> a.getCaseId().equals(A));
            assertThat(run.counter("caseflow.events.late")).isZero();
            // B, still open, crosses its NOTICE at that midnight once the hearing moved the clock past it.
            assertThat(run.alertLog).singleElement().satisfies(a -> {
                assertThat(a.getCaseId()).isEqualTo(B);
                assertThat(a.getLevel()).isEqualTo(AlertLevel.NOTICE);
            });
        }
    }

    @Test
    void shouldLetARecordGoAfterTheGraceWhenAnotherInputStaysSilent() {
        try (Run run = new Run("silent", GRACE)) {
            run.hearingAheadOfTheClosing();
            run.pipe(run.filings, closedAt("ca", A, CLOSING));
            // The enforcement input delivers nothing: the hearing waits out the grace on the wall clock, no longer.
            run.wallClockPasses(GRACE.minusMillis(400));
            assertThat(run.sawHearingOfB()).isFalse();
            run.wallClockPasses(Duration.ofMillis(600));
            assertThat(run.sawHearingOfB()).isTrue();
            assertThat(run.alertLog).noneMatch(a -> a.getCaseId().equals(A));
            assertThat(run.alertLog).extracting(DeadlineAlert::getCaseId).containsExactly(B);
        }
    }

    @Test
    void shouldKeepTheOldOrderWithoutAGrace() {
        // Grace 0 (replay, and what Kafka Streams alone gives with max.task.idle.ms 0): the hearing moves the clock
        // past midnight at once, A's NOTICE fires, and the closing arrives late: applied as of its own time, it
        // resolves the NOTICE it made wrong and is counted (EventTimeStormTest has the late path itself).
        try (Run run = new Run("no-grace", Duration.ZERO)) {
            run.hearingAheadOfTheClosing();
            assertThat(run.sawHearingOfB()).isTrue();
            run.pipe(run.filings, closedAt("ca", A, CLOSING));
            assertThat(run.counter("caseflow.events.late")).isEqualTo(1);
            assertThat(run.alertLog).filteredOn(a -> a.getCaseId().equals(A))
                    .extracting(DeadlineAlert::getStatus)
                    .containsExactly(AlertStatus.FIRING, AlertStatus.RESOLVED);
            assertThat(run.counter("caseflow.events.order.held")).isZero();
        }
    }

    @Test
    void shouldNotHoldARecordAlreadyOlderThanTheGraceAsWhenCatchingUp() {
        // The wall clock in 2026: every record is from a year before. Kafka Streams has ordered what is on the broker;
        // a record still to come from a producer a year behind is late whatever we wait (as without a grace).
        try (Run run = new Run("catching-up", GRACE, Instant.parse("2026-12-06T00:00:00Z"))) {
            run.hearingAheadOfTheClosing();
            assertThat(run.sawHearingOfB()).isTrue();
            assertThat(run.counter("caseflow.events.order.held")).isZero();
            run.pipe(run.filings, closedAt("ca", A, CLOSING));
            assertThat(run.counter("caseflow.events.late")).isEqualTo(1);
        }
    }

    @Test
    void shouldReadTheWaitingRecordsBackAfterARestartAndReleaseThemInTimeOrder() {
        KeyValueStore<String, byte[]> store = Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(StoreNames.ORDER_BARRIER), Serdes.String(), Serdes.ByteArray())
                .withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        List<String> inputs = TopicNames.DEFAULT.inputs();
        OrderBarrier before = new OrderBarrier(store, inputs, GRACE, 0);
        before.add(input(TopicNames.DEFAULT.caseHearings(), 7, AFTER_MIDNIGHT));
        before.add(input(TopicNames.DEFAULT.caseFilings(), 8, CLOSING));
        before.add(input(TopicNames.DEFAULT.caseHearings(), 9, AFTER_MIDNIGHT.minusSeconds(60)));

        // A restart: the waiting records come back from the store; every input counts as just delivered.
        OrderBarrier after = new OrderBarrier(store, inputs, GRACE, 10_000);
        assertThat(after.size()).isEqualTo(3);
        assertThat(after.hasWaiting(TopicNames.DEFAULT.caseHearings())).isTrue();
        long midnight = midnight(EVE.plusDays(1)).toEpochMilli();
        // The filings record is earliest and does not cross the midnight: it goes at once.
        assertThat(after.release(10_000, t -> t >= midnight).source().offset()).isEqualTo(8);
        // The hearings come in their arrival order (offset 7 before 9, though 9 is stamped earlier), and only once
        // the other inputs have passed their time or the grace is over.
        assertThat(after.release(11_000, t -> t >= midnight)).isNull();
        assertThat(after.release(12_000, t -> t >= midnight).source().offset()).isEqualTo(7);
        assertThat(after.release(12_000, t -> t >= midnight).source().offset()).isEqualTo(9);
        assertThat(after.isEmpty()).isTrue();
        assertThat(new OrderBarrier(store, inputs, GRACE, 0).isEmpty()).as("released records leave the store").isTrue();
    }

    static InputRecord input(String topic, long offset, Instant at) {
        return new InputRecord(new DeadLetters.Source(topic, 0, offset), at.toEpochMilli(), "k" + offset, null);
    }
}
