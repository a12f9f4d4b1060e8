package org.caseflow.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseflow.streams.domain.cases.TestEvents.filed;
import static org.caseflow.streams.domain.cases.TestEvents.midnight;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.kafka.streams.Topology;
import org.caseflow.events.AlertLevel;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.DeadlineAlert;
import org.caseflow.events.Procedure;
import org.caseflow.streams.domain.cases.CaseEngine;
import org.caseflow.streams.domain.digest.DigestCalculator;
import org.caseflow.streams.domain.seeds.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code caseflow.digests.enabled=false}: the digest sub-topology is left out (no feed topic, no digest stores) and the
 * case processor's alerts still reach the alerts topic. Case filed 2025-03-03 under the summary procedure (Civil
 * Procedure Law art. 164: three months, due 2025-06-03): NOTICE at 15 days left, 2025-05-19 00:00.
 */
class DigestsOffTest {
    static final Seeds SEEDS = TopologyFixture.SEEDS;

    @TempDir
    Path stateDir;

    @Test
    void shouldLeaveTheDigestsOutAndStillRaiseTheAlerts() {
        DigestSettings off = new DigestSettings(DigestCalculator.DEFAULT_TOP, 1, false);
        TopologySettings settings = TopologyFixture.liveSettings().withClockMode(ClockMode.EVENT_TIME);
        Topology topology = CaseflowTopology.build(settings,
                new ReferenceHolder(new CaseEngine(SEEDS, CaseEngine.Settings.defaults())), new SimpleMeterRegistry(),
                off);
        String described = topology.describe().toString();
        assertThat(described).doesNotContain(TopicNames.DEFAULT.digestFeed(), TopicNames.DEFAULT.digests(),
                StoreNames.DIGEST_ENTRIES, StoreNames.DIGESTS);
        String on = CaseflowTopology.build(settings, SEEDS, new SimpleMeterRegistry()).describe().toString();
        assertThat(on).contains(TopicNames.DEFAULT.digestFeed(), StoreNames.DIGESTS);

        try (TopologyFixture fixture = TopologyFixture.of(topology).applicationId("digests-off").stateDir(stateDir)
                .start(Instant.EPOCH)) {
            var filings = fixture.events(TopicNames.DEFAULT.caseFilings());
            var alerts = fixture.alerts();
            CaseEvent filing = filed("f", "(2025)湘0211民初701号", Procedure.CIVIL_FIRST_SUMMARY, LocalDate.of(2025, 3, 3));
            filings.pipeInput(filing.getCaseId(), filing, filing.getOccurredAt());
            filings.pipeInput("__clock__", null, midnight(LocalDate.of(2025, 5, 20)));
            assertThat(alerts.readValuesToList()).extracting(DeadlineAlert::getLevel).containsExactly(AlertLevel.NOTICE);
        }
    }
}
