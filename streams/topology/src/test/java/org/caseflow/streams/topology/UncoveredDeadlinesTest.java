package org.caseflow.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseflow.streams.domain.cases.TestEvents.closed;
import static org.caseflow.streams.domain.cases.TestEvents.filed;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.Procedure;
import org.caseflow.streams.domain.cases.CaseEngine;
import org.caseflow.streams.domain.cases.TestEvents;
import org.caseflow.streams.domain.seeds.Seeds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Open cases whose deadline falls in a year the calendar seed does not cover (seeds/calendars/cn-mainland.yaml holds
 * 2024–2026): counted per court and year, kept in step as cases close, counted afresh from the store on a restart.
 */
class UncoveredDeadlinesTest {
    static final Seeds SEEDS = TopologyFixture.SEEDS;
    static final TopicNames TOPICS = TopicNames.DEFAULT;
    static final LocalDate TODAY = LocalDate.of(2026, 10, 12);
    // CPL 152: ordinary first instance, 6 months: 2026-10-12 → 2027-04-12, a day of 2027 (no published schedule).
    static final String IN_2027_A = "(2026)湘0211民初500号";
    static final String IN_2027_B = "(2026)湘0211民初501号";
    // CPL 164: summary procedure, 3 months: 2026-05-11 → 2026-08-11, in 2026 (published): not counted.
    static final String IN_2026 = "(2026)湘0211民初502号";

    @TempDir
    Path stateDir;
    TopologyFixture fixture;
    TopologyTestDriver driver;
    MeterRegistry registry;

    void start() {
        registry = new SimpleMeterRegistry();
        fixture = TopologyFixture.of(CaseflowTopology.build(TopologyFixture.liveSettings(),
                new CaseEngine(SEEDS, CaseEngine.Settings.defaults()), registry)).stateDir(stateDir).start(TestEvents.at(TODAY));
        driver = fixture.driver();
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

    Double uncovered(String year) {
        Gauge gauge = registry.find(UncoveredDeadlines.UNCOVERED).tag("court", TestEvents.COURT).tag("year", year)
                .gauge();
        return gauge == null ? null : gauge.value();
    }

    @Test
    void shouldCountOpenCasesWithADeadlineInAYearWithoutItsHolidaySchedule() {
        start();
        pipe(filed("a1", IN_2027_A, Procedure.CIVIL_FIRST_ORDINARY, TODAY));
        pipe(filed("b1", IN_2027_B, Procedure.CIVIL_FIRST_ORDINARY, TODAY));
        pipe(filed("c1", IN_2026, Procedure.CIVIL_FIRST_SUMMARY, LocalDate.of(2026, 5, 11)));

        assertThat(uncovered("2027")).isEqualTo(2.0);
        assertThat(uncovered("2026")).as("2026's schedule is published").isNull();
        assertThat(registry.find(UncoveredDeadlines.UNCOVERED).tag("court", "湘0212").tag("year", "2027").gauge()
                .value()).as("every court of the seeds at 0 from start-up").isZero();
        assertThat(registry.find(UncoveredDeadlines.COVERED_THROUGH).tag("jurisdiction", "CN").gauge().value())
                .isEqualTo(2026.0);

        pipe(closed("a2", IN_2027_A, TODAY));
        assertThat(uncovered("2027")).as("a closed case has no deadline to move").isEqualTo(1.0);
    }

    @Test
    void shouldCountAfreshFromTheDeadlineIndexWhenTheTaskStartsAgain() {
        start();
        pipe(filed("a1", IN_2027_A, Procedure.CIVIL_FIRST_ORDINARY, TODAY));
        pipe(filed("b1", IN_2027_B, Procedure.CIVIL_FIRST_ORDINARY, TODAY));
        pipe(filed("c1", IN_2026, Procedure.CIVIL_FIRST_SUMMARY, LocalDate.of(2026, 5, 11)));
        pipe(closed("b2", IN_2027_B, TODAY));

        // What a task does when it starts (or starts again after an abort): count from the index it finds.
        MeterRegistry fresh = new SimpleMeterRegistry();
        UncoveredDeadlines.Tally tally = new UncoveredDeadlines(fresh, SEEDS.calendars(), SEEDS.courts(),
                new CaseEngine(SEEDS, CaseEngine.Settings.defaults())::calendarOf).tally();
        tally.recount(driver.getKeyValueStore(StoreNames.DEADLINE_INDEX));
        assertThat(fresh.find(UncoveredDeadlines.UNCOVERED).tag("court", TestEvents.COURT).tag("year", "2027").gauge()
                .value()).isEqualTo(1.0);
        tally.recount(driver.getKeyValueStore(StoreNames.DEADLINE_INDEX));
        assertThat(fresh.find(UncoveredDeadlines.UNCOVERED).tag("court", TestEvents.COURT).tag("year", "2027").gauge()
                .value())
                .as("counting again replaces the task's counts, it does not add to them").isEqualTo(1.0);

        fixture.close();
        fixture = null;
        assertThat(uncovered("2027")).as("a closed task gives its counts back").isZero();
    }
}
