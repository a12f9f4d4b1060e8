package org.caseflow.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseflow.streams.domain.cases.TestEvents.filed;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.caseflow.events.AlertLevel;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.CaseSnapshot;
import org.caseflow.events.DeadlineAlert;
import org.caseflow.events.Procedure;
import org.caseflow.events.SuspensionReason;
import org.caseflow.streams.domain.cases.CaseEngine;
import org.caseflow.streams.domain.cases.TestEvents;
import org.caseflow.streams.domain.seeds.ReferenceData;
import org.caseflow.streams.domain.seeds.ReferenceKind;
import org.caseflow.streams.domain.seeds.ReferencePublication;
import org.caseflow.streams.domain.seeds.Seeds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reference-data version published while the topology runs (issue 15): each task notices it and re-evaluates, in
 * bounded steps, exactly the open cases whose deadline can depend on it, with alerts and snapshots as when an event
 * moves a deadline, and ends where a run under the new data from the start ends.
 *
 * <p>Deadlines (hand-computed): summary procedure, 3 months (CPL 164), counted as Civil Code 202; a last day on a rest
 * day moves to the next working day (CPL 85, Civil Code 203). The seeds' calendar has no 2027 schedule (weekends only);
 * the published 2027.1 adds the hypothetical Spring Festival 02-06..02-12 and the make-up working day Sat 02-20
 * ({@link ReferenceFiles}).
 */
class ReferenceRecomputeTest {
    /** The default court zone (DESIGN §5): courts published live must be in it. */
    static final java.time.ZoneId LIVE_ZONE = java.time.ZoneId.of("Asia/Shanghai");
    static final Seeds SEEDS = TopologyFixture.SEEDS;
    static final TopicNames TOPICS = TopicNames.DEFAULT;
    /** Wednesday 2027-02-03, 10:00 in Zhuzhou: the wall clock of the running app. */
    static final LocalDate TODAY = LocalDate.of(2027, 2, 3);
    /** Filed 2026-11-08: 2027-02-08 (Mon), a working day without a schedule; in the Spring Festival with it → Mon 02-15. */
    static final String A = "(2026)湘0211民初800号";
    /** Filed 2026-11-20: 2027-02-20 (Sat) → Mon 02-22 on weekends alone; a make-up working day with it → 02-20. */
    static final String B = "(2026)湘0211民初801号";
    /** Filed 2026-12-01: 2027-03-01 (Mon) either way; its snapshot cites the new version. */
    static final String C = "(2026)湘0211民初802号";
    /** Filed 2026-09-10: 2026-12-10 (Thu), a 2026 deadline: the 2027 schedule cannot move it, it is not looked at. */
    static final String D = "(2026)湘0211民初803号";

    @TempDir
    Path stateDir;
    TopologyFixture fixture;
    TopologyTestDriver driver;
    MeterRegistry registry;
    ReferenceHolder holder;
    TestOutputTopic<String, CaseSnapshot> snapshots;
    TestOutputTopic<String, DeadlineAlert> alerts;

    void start(ReferenceHolder reference, TopologySettings settings) {
        registry = new SimpleMeterRegistry();
        holder = reference;
        fixture = TopologyFixture.of(CaseflowTopology.build(settings, reference, registry))
                .stateDir(stateDir.resolve(Integer.toString(System.identityHashCode(reference)))).start(TestEvents.at(TODAY));
        driver = fixture.driver();
        snapshots = fixture.snapshots();
        alerts = fixture.alerts();
    }

    void start() {
        start(new ReferenceHolder(new CaseEngine(SEEDS, CaseEngine.Settings.defaults())), TopologyFixture.liveSettings());
    }

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    void pipe(CaseEvent event) {
        TestInputTopic<String, CaseEvent> filings = fixture.events(TOPICS.caseFilings());
        filings.pipeInput(event.getCaseId(), event, event.getOccurredAt());
    }

    void fileFourCases() {
        pipe(filed("a", A, Procedure.CIVIL_FIRST_SUMMARY, LocalDate.of(2026, 11, 8)));
        pipe(filed("b", B, Procedure.CIVIL_FIRST_SUMMARY, LocalDate.of(2026, 11, 20)));
        pipe(filed("c", C, Procedure.CIVIL_FIRST_SUMMARY, LocalDate.of(2026, 12, 1)));
        pipe(filed("d", D, Procedure.CIVIL_FIRST_SUMMARY, LocalDate.of(2026, 9, 10)));
    }

    /** What {@code caseflow reference publish} writes for {@code p} on top of {@code before}. */
    void publish(ReferenceData before, ReferencePublication p) {
        TestInputTopic<String, byte[]> topic = fixture.raw(TOPICS.referenceData());
        topic.pipeInput(p.key(), ReferenceRecord.encode(before.publish(p).chains().get(p.key())),
                TestEvents.at(TODAY));
    }

    static ReferencePublication calendar2027() {
        return ReferencePublication.parse(ReferenceKind.CALENDAR, "cn-2027.yaml", ReferenceFiles.calendar2027(), null);
    }

    Map<String, CaseSnapshot> latestSnapshots() {
        Map<String, CaseSnapshot> latest = new HashMap<>();
        snapshots.readKeyValuesToList().forEach(kv -> latest.put(kv.key, kv.value));
        return latest;
    }

    double recomputed() {
        return registry.find("caseflow.reference.recomputed").counter().count();
    }

    @Test
    void shouldMoveExactlyTheDeadlinesTheNewCalendarMovesAndLetTheAlertsFollow() {
        start();
        fileFourCases();
        Map<String, CaseSnapshot> before = latestSnapshots();
        assertThat(before.get(A).getDeadline()).isEqualTo(LocalDate.of(2027, 2, 8));
        assertThat(before.get(B).getDeadline()).isEqualTo(LocalDate.of(2027, 2, 22));
        assertThat(before.get(C).getDeadline()).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(before.get(D).getDeadline()).isEqualTo(LocalDate.of(2026, 12, 10));
        assertThat(before.get(A).getReferenceVersions()).containsEntry("calendar", "CN 2026.1 (effective 2024-01-01)");
        List<DeadlineAlert> raised = alerts.readValuesToList();
        // A: 5 days left on 2027-02-03 → WARNING (7 days) for the summary procedure's lead times.
        assertThat(raised).filteredOn(a -> a.getCaseId().equals(A)).extracting(DeadlineAlert::getLevel)
                .containsExactly(AlertLevel.WARNING);
        assertThat(uncovered("2027")).isEqualTo(3.0);

        publish(ReferenceData.of(SEEDS, LIVE_ZONE), calendar2027());
        driver.advanceWallClockTime(Duration.ofMinutes(1));

        Map<String, CaseSnapshot> after = latestSnapshots();
        assertThat(after.keySet()).as("the 2027 deadlines, not D's 2026 one").containsExactlyInAnyOrder(A, B, C);
        assertThat(after.get(A).getDeadline()).isEqualTo(LocalDate.of(2027, 2, 15));
        assertThat(after.get(B).getDeadline()).isEqualTo(LocalDate.of(2027, 2, 20));
        assertThat(after.get(C).getDeadline()).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(after.values()).allSatisfy(s -> assertThat(s.getReferenceVersions())
                .containsEntry("calendar", "CN 2027.1 (effective 2024-01-01)"));
        assertThat(after.get(A).getDeadlineVersion()).isEqualTo(before.get(A).getDeadlineVersion() + 1);
        assertThat(after.get(C).getDeadlineVersion()).as("same day, same version").isEqualTo(
                before.get(C).getDeadlineVersion());

        // A's WARNING of the old deadline resolves; 12 days before 02-15 is a NOTICE (15 days) under the new version.
        List<DeadlineAlert> moved = alerts.readValuesToList();
        assertThat(moved).extracting(DeadlineAlert::getCaseId).containsOnly(A);
        assertThat(moved).extracting(a -> a.getLevel() + " " + a.getStatus() + " " + a.getDeadline())
                .containsExactly("WARNING RESOLVED 2027-02-08", "NOTICE FIRING 2027-02-15");
        assertThat(uncovered("2027")).as("2027 is covered now").isZero();
        // The deadline index follows: A's entry moved from its old day to its new one (the old one deleted, not read).
        KeyValueStore<String, String> index = driver.getKeyValueStore(StoreNames.DEADLINE_INDEX);
        assertThat(index.get(new StoreKeys.DeadlineKey(TestEvents.COURT, LocalDate.of(2027, 2, 8), A).encode())).isNull();
        assertThat(index.get(new StoreKeys.DeadlineKey(TestEvents.COURT, LocalDate.of(2027, 2, 15), A).encode()))
                .isNotNull();
        assertThat(registry.find(UncoveredDeadlines.COVERED_THROUGH).tag("jurisdiction", "CN").gauge().value())
                .isEqualTo(2027.0);

        // Nothing more to do: a later step sends nothing.
        driver.advanceWallClockTime(Duration.ofMinutes(1));
        assertThat(snapshots.isEmpty()).isTrue();
        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void shouldEndWhereARunUnderTheNewCalendarFromTheStartEnds() {
        start();
        fileFourCases();
        publish(ReferenceData.of(SEEDS, LIVE_ZONE), calendar2027());
        driver.advanceWallClockTime(Duration.ofMinutes(1));
        Map<String, String> live = finalCases();
        driver.close();

        CaseEngine engine = new CaseEngine(SEEDS, CaseEngine.Settings.defaults());
        start(new ReferenceHolder(ReferenceData.of(SEEDS, LIVE_ZONE).publish(calendar2027()), engine, true),
                TopologyFixture.liveSettings());
        fileFourCases();
        assertThat(finalCases()).isEqualTo(live);
    }

    @Test
    void shouldRecomputeInBoundedStepsWithTheCursorKeptInTheStore() {
        start(new ReferenceHolder(new CaseEngine(SEEDS, CaseEngine.Settings.defaults())),
                TopologyFixture.liveSettings().withTickMaxTimers(2));
        fileFourCases();
        latestSnapshots();
        publish(ReferenceData.of(SEEDS, LIVE_ZONE), calendar2027());
        driver.advanceWallClockTime(Duration.ofMinutes(1));
        KeyValueStore<String, String> due = driver.getKeyValueStore(StoreNames.DUE_INDEX);
        assertThat(recomputed()).as("two cases per step").isEqualTo(2.0);
        assertThat(due.get(ReferenceRecompute.JOB_KEY)).as("where the walk stands is committed with the step")
                .contains("\"after\":\"湘0211|");
        assertThat(latestSnapshots()).hasSize(2);

        driver.advanceWallClockTime(Duration.ofMinutes(1));
        assertThat(recomputed()).isEqualTo(3.0);
        assertThat(latestSnapshots()).containsOnlyKeys(C);
        assertThat(due.get(ReferenceRecompute.JOB_KEY)).isNull();
        assertThat(due.get(ReferenceRecompute.APPLIED_KEY)).contains("calendar/CN=2027.1");
    }

    /**
     * Rules published for new cases only (the default for rules): a case filed before its effective date keeps the
     * rule it was filed under; one filed on or after it is recomputed. Hypothetical amendment: summary procedure 2
     * months. Filed 2027-01-10: 3 months → Sat 2027-04-10 → Mon 04-12 (weekends only: no 2027 schedule in the seeds);
     * 2 months → Wed 2027-03-10.
     */
    @Test
    void shouldApplyANewCasesRuleOnlyToCasesFiledFromItsEffectiveDate() {
        start();
        String late = "(2027)湘0211民初10号";
        pipe(filed("a", A, Procedure.CIVIL_FIRST_SUMMARY, LocalDate.of(2026, 11, 8)));
        pipe(filed("l", late, Procedure.CIVIL_FIRST_SUMMARY, LocalDate.of(2027, 1, 10)));
        assertThat(latestSnapshots().get(late).getDeadline()).isEqualTo(LocalDate.of(2027, 4, 12));

        ReferencePublication rules = ReferencePublication.parse(ReferenceKind.RULES, "trial-limits-2027.yaml",
                ReferenceFiles.rulesWithSummaryMonths(2), null);
        publish(ReferenceData.of(SEEDS, LIVE_ZONE), rules);
        driver.advanceWallClockTime(Duration.ofMinutes(1));

        Map<String, CaseSnapshot> after = latestSnapshots();
        assertThat(after).containsOnlyKeys(late);
        assertThat(after.get(late).getDeadline()).isEqualTo(LocalDate.of(2027, 3, 10));
        assertThat(after.get(late).getReferenceVersions().get("rules")).startsWith("2027.1");
        // A case filed before the amendment, and one filed afterwards with an event dated before it, keep the old rule.
        String early = "(2026)湘0211民初900号";
        pipe(filed("e", early, Procedure.CIVIL_FIRST_SUMMARY, LocalDate.of(2026, 12, 20)));
        CaseSnapshot kept = latestSnapshots().get(early);
        assertThat(kept.getDeadline()).as("3 months: 2027-03-20 (Sat) → Mon 03-22").isEqualTo(LocalDate.of(2027, 3, 22));
        assertThat(kept.getReferenceVersions().get("rules")).startsWith("2024.1");
    }

    /**
     * A rule change that moves no deadline but the summary procedure's NOTICE lead time (15 → 30 days), published for
     * pending cases: C (due 2027-03-01, 26 days left on 02-03) now has its NOTICE due and it fires; the deadline
     * index carries the new lead times, so the thresholds to come are found at the new days.
     */
    @Test
    void shouldFireUnderNewLeadTimesWhenARuleChangeMovesNoDeadline() {
        start();
        fileFourCases();
        latestSnapshots();
        alerts.readValuesToList();
        ReferencePublication rules = ReferencePublication.parse(ReferenceKind.RULES, "trial-limits-notice.yaml",
                ReferenceFiles.rulesWithSummaryNotice(30), org.caseflow.streams.domain.seeds.Propagation.PENDING);
        publish(ReferenceData.of(SEEDS, LIVE_ZONE), rules);
        driver.advanceWallClockTime(Duration.ofMinutes(1));

        assertThat(alerts.readValuesToList()).filteredOn(a -> a.getCaseId().equals(C))
                .extracting(a -> a.getLevel() + " " + a.getStatus() + " " + a.getDeadline())
                .containsExactly("NOTICE FIRING 2027-03-01");
        KeyValueStore<String, String> index = driver.getKeyValueStore(StoreNames.DEADLINE_INDEX);
        String key = new StoreKeys.DeadlineKey(TestEvents.COURT, LocalDate.of(2027, 3, 1), C).encode();
        assertThat(index.get(key)).isEqualTo(ThresholdScan.value(new org.caseflow.streams.domain.rules.LeadTimes(30, 7,
                3)));
        assertThat(latestSnapshots().get(C).getReferenceVersions().get("rules")).startsWith("2027.1");
    }

    /** caseId → deadline and versions, as the case store holds them at the end. */
    /** Filed 2026-11-20 (B's deadline), suspended from Sun 2027-02-21 without a resumption. */
    static final String E = "(2026)湘0211民初804号";

    void fileAndSuspendE() {
        pipe(filed("e", E, Procedure.CIVIL_FIRST_SUMMARY, LocalDate.of(2026, 11, 20)));
        // The wall clock reaches Mon 2027-02-22 10:00 first: an event a day ahead of it would be refused.
        driver.advanceWallClockTime(Duration.between(TestEvents.at(TODAY), TestEvents.at(LocalDate.of(2027, 2, 22))));
        pipe(TestEvents.suspended("e2", E, SuspensionReason.SUSPENSION, LocalDate.of(2027, 2, 21)));
    }

    /**
     * A case whose clock stands still is reached by the recomputation, not only at its next event (issue 15). E,
     * summary procedure filed 2026-11-20: 3 months (CPL 164, Civil Code 202) end Sat 2027-02-20. Without a 2027
     * schedule that is a rest day and the last day rolls to Mon 02-22 (CPL 85, Civil Code 203); the suspension of
     * litigation (CPL 153) from Sun 02-21 began within the limit, so its period is not counted (法释〔2000〕29号 art. 9)
     * and, open, it holds the clock: no deadline. With the 2027 schedule Sat 02-20 is a make-up working day, the
     * limit ran out on 02-20 and a suspension begun on 02-21 cannot stop a clock that has already run out: the
     * deadline is 02-20, breached on 02-22. Without an event from E, the recomputation must find it.
     */
    @Test
    void shouldReachACaseWhoseClockStandsStill() {
        start();
        fileAndSuspendE();
        CaseSnapshot stopped = latestSnapshots().get(E);
        assertThat(stopped.getDeadline()).isNull();
        assertThat(stopped.getClockStopped()).isTrue();
        alerts.readValuesToList();

        publish(ReferenceData.of(SEEDS, LIVE_ZONE), calendar2027());
        driver.advanceWallClockTime(Duration.ofMinutes(1));

        CaseSnapshot moved = latestSnapshots().get(E);
        assertThat(moved).as("a snapshot sent for E without an event of its own").isNotNull();
        assertThat(moved.getDeadline()).isEqualTo(LocalDate.of(2027, 2, 20));
        assertThat(moved.getClockStopped()).isFalse();
        assertThat(moved.getReferenceVersions()).containsEntry("calendar", "CN 2027.1 (effective 2024-01-01)");
        assertThat(alerts.readValuesToList()).extracting(a -> a.getLevel() + " " + a.getStatus() + " " + a.getDeadline())
                .contains("BREACHED FIRING 2027-02-20");
        assertThat(driver.<String, String>getKeyValueStore(StoreNames.DUE_INDEX)
                .get(ReferenceRecompute.STOPPED_PREFIX + E)).as("no longer listed as standing still").isNull();
        Map<String, String> live = finalCases();
        driver.close();

        // The same as a run with the 2027 schedule from the start.
        start(new ReferenceHolder(ReferenceData.of(SEEDS, LIVE_ZONE).publish(calendar2027()), new CaseEngine(SEEDS,
                CaseEngine.Settings.defaults()), true), TopologyFixture.liveSettings());
        fileAndSuspendE();
        assertThat(finalCases()).isEqualTo(live);
    }

    Map<String, String> finalCases() {
        Map<String, String> out = new java.util.TreeMap<>();
        KeyValueStore<String, CaseRecord> cases = driver.getKeyValueStore(StoreNames.CASES);
        Instant now = TestEvents.at(TODAY);
        try (var it = cases.all()) {
            while (it.hasNext()) {
                var kv = it.next();
                CaseSnapshot s = holder.engineFor(kv.value.state()).snapshot(kv.value.state(), now).orElseThrow();
                out.put(kv.key, s.getDeadline() + " " + s.getReferenceVersions() + " firing "
                        + kv.value.state().firing().stream().map(f -> f.level() + "@" + f.deadline()).sorted().toList()
                        + " at-risk " + StoreKeys.DeadlineKey.of(kv.value.state()));
            }
        }
        return out;
    }

    Double uncovered(String year) {
        var gauge = registry.find(UncoveredDeadlines.UNCOVERED).tag("court", TestEvents.COURT).tag("year", year).gauge();
        return gauge == null ? null : gauge.value();
    }
}
