package org.caseflow.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseflow.streams.domain.cases.TestEvents.filed;
import static org.caseflow.streams.domain.cases.TestEvents.midnight;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.Procedure;
import org.caseflow.streams.domain.cases.CaseEngine;
import org.caseflow.streams.domain.cases.TestEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The topology's own meters as dashboards and rules read them: present from the start at 0, and the tick and
 * event-lag histograms recorded on event time too (the demo's clock), where "lag" is measured against the event
 * clock, not the wall clock.
 */
class ProcessingMetricsTest {
    static final LocalDate FILED = LocalDate.of(2025, 3, 3);

    @TempDir
    Path stateDir;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private TopologyFixture topology(ClockMode mode) {
        TopologySettings settings = TopologyFixture.liveSettings().withClockMode(mode);
        return TopologyFixture.of(CaseflowTopology.build(settings, new CaseEngine(TopologyFixture.SEEDS,
                CaseEngine.Settings.defaults()), registry)).applicationId("metrics-" + mode).stateDir(stateDir)
                .start(Instant.parse("2025-03-01T00:00:00Z"));
    }

    private static TestInputTopic<String, CaseEvent> filings(TopologyFixture fixture) {
        return fixture.events(TopicNames.DEFAULT.caseFilings());
    }

    @Test
    void shouldRegisterKnownDeadLetterReasonsAlertsAndFlagsAtZeroBeforeAnyRecord() {
        try (TopologyFixture ignored = topology(ClockMode.WALL_CLOCK)) {
            for (String reason : MetricLabels.DEAD_LETTER_REASONS) {
                assertThat(registry.get("caseflow.dead.letters").tag("reason", reason).counter().count()).isZero();
            }
            assertThat(registry.find("caseflow.alerts").counters()).hasSize(10);
            assertThat(registry.get("caseflow.deadline.flags").tag("flag", "EXTENSION_WRONG_APPROVER").counter()
                    .count()).isZero();
            assertThat(registry.get("caseflow.events").tags("topic", TopicNames.DEFAULT.enforcement(), "type",
                    "ENFORCEMENT_PAYMENT", "outcome", "applied").counter().count()).isZero();
            assertThat(registry.find("caseflow.events.late").counters()).hasSize(3);
            assertThat(registry.get("caseflow.tick.interval").gauge().value()).isEqualTo(0.2);
        }
    }

    @Test
    void shouldRecordTicksAndEventLagAgainstTheEventClockOnEventTime() {
        try (TopologyFixture fixture = topology(ClockMode.EVENT_TIME)) {
            TopologyTestDriver driver = fixture.driver();
            TestInputTopic<String, CaseEvent> filings = filings(fixture);
            CaseEvent first = filed("f1", "(2025)湘0211民初1号", Procedure.CIVIL_FIRST_SUMMARY, FILED);
            filings.pipeInput(first.getCaseId(), first, first.getOccurredAt());
            // The clock moves ten days on; then an event of day two arrives, eight days behind it.
            filings.pipeInput("__clock__", null, midnight(FILED.plusDays(10)));
            CaseEvent late = filed("f2", "(2025)湘0211民初2号", Procedure.CIVIL_FIRST_SUMMARY, FILED.plusDays(2));
            filings.pipeInput(late.getCaseId(), late, late.getOccurredAt());
            driver.advanceWallClockTime(Duration.ofSeconds(1)); // punctuations: ticks on event time too

            Timer lag = registry.get("caseflow.event.lag").timer();
            assertThat(lag.count()).isEqualTo(2);
            Duration behind = Duration.between(TestEvents.at(FILED.plusDays(2)), midnight(FILED.plusDays(10)));
            assertThat(lag.totalTime(TimeUnit.SECONDS)).as("0 for the first, 8 days less a few hours for the late one")
                    .isEqualTo((double) behind.toSeconds());
            assertThat(registry.get("caseflow.tick.duration").timer().count()).isPositive();
        }
    }

    @Test
    void shouldRecordATickForEveryPunctuationOnTheWallClock() {
        try (TopologyFixture fixture = topology(ClockMode.WALL_CLOCK)) {
            TopologyTestDriver driver = fixture.driver();
            long before = registry.get("caseflow.tick.duration").timer().count();
            driver.advanceWallClockTime(Duration.ofSeconds(1));
            assertThat(registry.get("caseflow.tick.duration").timer().count() - before).isPositive();
        }
    }
}
