package org.caseflow.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseflow.streams.domain.cases.TestEvents.closed;
import static org.caseflow.streams.domain.cases.TestEvents.extended;
import static org.caseflow.streams.domain.cases.TestEvents.filed;
import static org.caseflow.streams.domain.cases.TestEvents.judge;
import static org.caseflow.streams.domain.cases.TestEvents.midnight;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.TestInputTopic;
import org.caseflow.events.Approver;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.Procedure;
import org.caseflow.streams.domain.cases.CaseEngine;
import org.caseflow.streams.domain.EventType;
import org.caseflow.streams.domain.cases.TestEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The topology tests run on in-memory stores ({@link TopologyFixture#liveSettings()}); live operation runs on RocksDB.
 * The store kind must change no output: one history, with a wall-clock run over its thresholds, on both.
 */
class StoreKindTest {
    static final String CASE = "(2025)湘0211民初300号";
    static final String OTHER = "(2025)湘0211民初301号";
    static final LocalDate FILED = LocalDate.of(2025, 3, 3);

    @TempDir
    Path rocksDir;
    @TempDir
    Path memoryDir;

    @Test
    void shouldGiveTheSameAlertsSnapshotsAndChangelogsOnRocksDbAsInMemory() {
        assertThat(run(TopologySettings.defaults(), rocksDir)).isEqualTo(run(TopologyFixture.liveSettings(), memoryDir))
                .satisfies(outputs -> {
                    assertThat(outputs.alerts()).hasSizeGreaterThan(3);
                    assertThat(outputs.changelogRecords()).isPositive();
                });
    }

    record Outputs(List<String> alerts, List<String> snapshots, long changelogRecords) {
    }

    private static Outputs run(TopologySettings settings, Path stateDir) {
        var topology = CaseflowTopology.build(settings, new CaseEngine(TopologyFixture.SEEDS,
                CaseEngine.Settings.defaults()), new SimpleMeterRegistry());
        try (TopologyFixture fx = TopologyFixture.of(topology).stateDir(stateDir).start(TestEvents.at(FILED))) {
            TestInputTopic<String, CaseEvent> filings = fx.events(TopicNames.DEFAULT.caseFilings());
            // CPL 164: summary procedure, 3 months (2025-06-03); CPL 164 as amended 2021: one month's extension.
            for (CaseEvent e : List.of(filed("e1", CASE, Procedure.CIVIL_FIRST_SUMMARY, FILED),
                    filed("e2", OTHER, Procedure.CIVIL_FIRST_SUMMARY, FILED),
                    judge("e3", CASE, FILED.plusDays(1), "J-7"))) {
                filings.pipeInput(e.getCaseId(), e, e.getOccurredAt());
            }
            Instant clock = TestEvents.at(FILED);
            List<CaseEvent> later = List.of(extended("e4", OTHER, 1, Approver.PRESIDENT, LocalDate.of(2025, 5, 20)),
                    closed("e5", CASE, LocalDate.of(2025, 6, 10)));
            for (CaseEvent e : later) {
                Instant at = e.getOccurredAt().plusSeconds(60);
                fx.driver().advanceWallClockTime(Duration.between(clock, at));
                clock = at;
                TestInputTopic<String, CaseEvent> topic = fx.events(switch (EventType.of(e).input()) {
                    case FILINGS -> TopicNames.DEFAULT.caseFilings();
                    case HEARINGS -> TopicNames.DEFAULT.caseHearings();
                    case ENFORCEMENT -> TopicNames.DEFAULT.enforcement();
                });
                topic.pipeInput(e.getCaseId(), e, e.getOccurredAt());
            }
            fx.driver().advanceWallClockTime(Duration.between(clock, midnight(LocalDate.of(2025, 7, 20))));
            List<String> alerts = new ArrayList<>();
            fx.alerts().readRecordsToList().forEach(r -> alerts.add(r.key() + " " + r.value()));
            List<String> snapshots = new ArrayList<>();
            fx.snapshots().readRecordsToList().forEach(r -> snapshots.add(r.key() + " " + r.value()));
            // The same changelog records: caching and logging are the same on both kinds, only the bytes' home differs.
            long changelogRecords = fx.driver().producedTopicNames().stream().filter(t -> t.endsWith("-changelog"))
                    .mapToLong(t -> fx.output(t, new ByteArrayDeserializer()).getQueueSize()).sum();
            return new Outputs(alerts, snapshots, changelogRecords);
        }
    }
}
