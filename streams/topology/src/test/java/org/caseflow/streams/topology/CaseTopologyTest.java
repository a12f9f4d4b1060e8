package org.caseflow.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseflow.streams.domain.cases.TestEvents.filed;
import static org.caseflow.streams.domain.cases.TestEvents.judge;
import static org.caseflow.streams.domain.cases.TestEvents.midnight;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.caseflow.events.AlertLevel;
import org.caseflow.events.AlertStatus;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.CaseFiled;
import org.caseflow.events.CaseSnapshot;
import org.caseflow.events.DeadlineAlert;
import org.caseflow.events.Procedure;
import org.caseflow.streams.domain.cases.CaseEngine;
import org.caseflow.streams.domain.cases.TestEvents;
import org.caseflow.streams.domain.indicators.Counter;
import org.caseflow.streams.domain.indicators.FactKind;
import org.caseflow.streams.domain.indicators.SignedFact;
import org.caseflow.streams.domain.seeds.Seeds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The case topology on TopologyTestDriver with the wall clock driving thresholds (live mode). */
class CaseTopologyTest {
    static final Seeds SEEDS = TopologyFixture.SEEDS;
    static final TopicNames TOPICS = TopicNames.DEFAULT;
    static final String CASE = "(2025)湘0211民初100号";
    static final LocalDate FILED = LocalDate.of(2025, 3, 3);
    // CPL 164: summary procedure, 3 months: 2025-03-03 → 2025-06-03 (Tuesday, a working day).
    static final LocalDate DEADLINE = LocalDate.of(2025, 6, 3);

    @TempDir
    Path stateDir;
    TopologyFixture fixture;
    TopologyTestDriver driver;
    TestInputTopic<String, CaseEvent> filings;
    TestInputTopic<String, CaseEvent> hearings;
    TestInputTopic<String, byte[]> rawFilings;
    TestOutputTopic<String, DeadlineAlert> alerts;
    TestOutputTopic<String, CaseSnapshot> snapshots;
    TestOutputTopic<String, byte[]> deadLetters;
    TestOutputTopic<String, SignedFact> lineageFacts;

    @BeforeEach
    void start() {
        var topology = CaseflowTopology.build(TopologyFixture.liveSettings(),
                new CaseEngine(SEEDS, CaseEngine.Settings.defaults()), new SimpleMeterRegistry());
        fixture = TopologyFixture.of(topology).stateDir(stateDir).deadLetterQueue().start(TestEvents.at(FILED));
        driver = fixture.driver();
        filings = fixture.events(TOPICS.caseFilings());
        hearings = fixture.events(TOPICS.caseHearings());
        rawFilings = fixture.raw(TOPICS.caseFilings());
        alerts = fixture.alerts();
        snapshots = fixture.snapshots();
        deadLetters = fixture.deadLetters();
        lineageFacts = fixture.output(TOPICS.lineageFacts(), new SignedFactSerde().deserializer());
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    void pipe(TestInputTopic<String, CaseEvent> topic, CaseEvent event) {
        topic.pipeInput(event.getCaseId(), event, event.getOccurredAt());
    }

    void advanceWallClockTo(Instant instant) {
        driver.advanceWallClockTime(Duration.between(currentWallClock, instant));
        currentWallClock = instant;
    }

    Instant currentWallClock = TestEvents.at(FILED);

    @Test
    void shouldFlagBreachAtMidnightAfterDeadlineWithNoNewEvent() {
        pipe(filings, filed("e1", CASE, Procedure.CIVIL_FIRST_SUMMARY, FILED));
        alerts.readValuesToList();

        advanceWallClockTo(midnight(DEADLINE.plusDays(1)).minusSeconds(2));
        assertThat(alerts.readValuesToList()).extracting(DeadlineAlert::getLevel).containsExactly(AlertLevel.CRITICAL)
                .as("one wall-clock jump crosses NOTICE, WARNING, CRITICAL at once: the highest level fires");

        advanceWallClockTo(midnight(DEADLINE.plusDays(1)).plusSeconds(1));
        List<DeadlineAlert> breached = alerts.readValuesToList();
        assertThat(breached).singleElement().satisfies(a -> {
            assertThat(a.getLevel()).isEqualTo(AlertLevel.BREACHED);
            assertThat(a.getStatus()).isEqualTo(AlertStatus.FIRING);
            assertThat(a.getDaysRemaining()).isEqualTo(-1);
            assertThat(a.getEscalateTo()).contains("president:湘0211");
        });
    }

    @Test
    void shouldRaiseNothingBeforeTheFirstThreshold() {
        pipe(filings, filed("e1", CASE, Procedure.CIVIL_FIRST_SUMMARY, FILED));
        advanceWallClockTo(midnight(DEADLINE.minusDays(15)).minusSeconds(1));
        assertThat(alerts.readValuesToList()).isEmpty();

        advanceWallClockTo(midnight(DEADLINE.minusDays(15)).plusSeconds(1));
        assertThat(alerts.readValuesToList()).extracting(DeadlineAlert::getLevel).containsExactly(AlertLevel.NOTICE);
    }

    @Test
    void shouldApplyOutOfOrderEventsAcrossTopicsAndIgnoreDuplicates() {
        CaseEvent assignment = judge("e2", CASE, FILED.plusDays(1), "J-42");
        CaseEvent filing = filed("e1", CASE, Procedure.CIVIL_FIRST_SUMMARY, FILED);
        pipe(filings, assignment);   // arrives before its filing
        pipe(filings, filing);
        pipe(filings, filing);       // duplicate
        pipe(filings, assignment);   // duplicate

        List<CaseSnapshot> emitted = snapshots.readValuesToList();
        assertThat(emitted).hasSize(1);
        assertThat(emitted.get(0).getJudge()).isEqualTo("J-42");
        assertThat(emitted.get(0).getDeadline()).isEqualTo(DEADLINE);
        KeyValueStore<String, CaseRecord> store = driver.getKeyValueStore(StoreNames.CASES);
        assertThat(store.get(CASE).state().eventCount()).isEqualTo(2);
        KeyValueStore<String, byte[]> chunks = driver.getKeyValueStore(StoreNames.CASE_EVENTS);
        assertThat(EventLogs.events(CASE, store.get(CASE), chunks)).extracting(CaseEvent::getEventId)
                .containsExactlyInAnyOrder("e1", "e2");
    }

    @Test
    void shouldSendUndecodableRecordsToTheDeadLetterTopicAndKeepProcessing() {
        rawFilings.pipeInput(CASE, "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8), TestEvents.at(FILED));
        pipe(filings, filed("e1", CASE, Procedure.CIVIL_FIRST_SUMMARY, FILED));

        List<TestRecord<String, byte[]>> dead = deadLetters.readRecordsToList();
        assertThat(dead).singleElement().satisfies(r -> {
            assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo("{\"not\":\"avro\"}");
            assertThat(r.headers().toArray()).isNotEmpty();
        });
        assertThat(snapshots.readValuesToList()).singleElement()
                .satisfies(s -> assertThat(s.getDeadline()).isEqualTo(DEADLINE));
    }

    @Test
    void shouldDeadLetterAnEventWhoseKeyIsNotItsCase() {
        CaseEvent filing = filed("e1", CASE, Procedure.CIVIL_FIRST_SUMMARY, FILED);
        filings.pipeInput("another-case", filing, filing.getOccurredAt());

        assertThat(deadLetters.readRecordsToList()).singleElement().satisfies(r ->
                assertThat(new String(r.headers().lastHeader(DeadLetters.REASON).value(), StandardCharsets.UTF_8))
                        .isEqualTo("key-mismatch"));
        assertThat(snapshots.isEmpty()).isTrue();
    }

    /** A counter summed over the months of the fact aggregator's pending deltas whose key starts with a prefix. */
    private long pendingSum(String prefix, Counter counter) {
        KeyValueStore<String, byte[]> pending = driver.getKeyValueStore(StoreNames.FACT_PENDING);
        long sum = 0;
        try (KeyValueIterator<String, byte[]> it = pending.prefixScan(prefix, new StringSerializer())) {
            while (it.hasNext()) {
                var kv = it.next();
                sum += kv.key.endsWith("|total") ? 0 : PendingLedger.fromBytes(kv.value).ledger().get(counter);
            }
        }
        return sum;
    }

    @Test
    void shouldAttributeAnAppealFiledAtTheIntermediateCourtToTheFirstInstanceCourt() {
        String origin = "(2025)湘0211民初5号";
        String appeal = "(2025)湘02民终9号";
        pipe(filings, filed("o1", origin, Procedure.CIVIL_FIRST_ORDINARY, FILED));
        CaseEvent appealFiling = CaseEvent.newBuilder().setEventId("a1").setCaseId(appeal).setCourt("湘02")
                .setOccurredAt(TestEvents.at(FILED.plusDays(90)))
                .setPayload(CaseFiled.newBuilder().setProcedure(Procedure.CIVIL_SECOND_JUDGMENT)
                        .setFiledOn(FILED.plusDays(90)).setOriginCaseId(origin).build())
                .build();
        // The wall clock reaches the appeal's day (facts dated past next month are refused as future-dated), and
        // the facts of the origin's filing are sent on: what is pending afterwards is the appeal's facts alone.
        driver.advanceWallClockTime(Duration.ofDays(90));
        pipe(filings, appealFiling);

        // DOMAIN §4 APPEAL_RATE: second-instance filings whose origin is in scope count for the origin court.
        assertThat(pendingSum("湘0211|court|CIVIL|", Counter.APPEALS)).isEqualTo(1);
        assertThat(pendingSum("湘0211|court|CIVIL|", Counter.FILINGS)).isZero();
        assertThat(pendingSum("湘02|court|CIVIL|", Counter.FILINGS)).isEqualTo(1);
        assertThat(pendingSum("湘02|court|CIVIL|", Counter.ORIGINATING_FILINGS))
                .as("an appeal is not an originating case (案)").isZero();
        // One more case number of the origin's dispute, keyed by its root for the exact count.
        List<TestRecord<String, SignedFact>> lineage = lineageFacts.readRecordsToList();
        assertThat(lineage).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo(origin);
            assertThat(r.value().fact().kind()).isEqualTo(FactKind.LINEAGE);
            assertThat(r.value().fact().court()).isEqualTo("湘0211");
            assertThat(r.value().sign()).isEqualTo(1);
        });
    }
}
