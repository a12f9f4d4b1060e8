package org.caseflow.streams.runtime.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.caseflow.events.CaseSnapshot;
import org.caseflow.events.CaseStatus;
import org.caseflow.events.Procedure;
import org.caseflow.schemas.CaseflowSerdes;
import org.junit.jupiter.api.Test;

class CalendarCitationTest {
    private static byte[] snapshot(int deadlineVersion, Map<String, String> versions) {
        CaseSnapshot snapshot = CaseSnapshot.newBuilder()
                .setCaseId("(2026)湘0211民初100001号").setCourt("湘0211").setProcedure(Procedure.CIVIL_FIRST_SUMMARY)
                .setStatus(CaseStatus.OPEN).setFiledOn(LocalDate.parse("2026-10-16"))
                .setDeadline(LocalDate.parse("2027-01-18")).setDeadlineVersion(deadlineVersion)
                .setExtendedBy("P0D").setUpdatedAt(Instant.parse("2026-12-06T01:00:00Z"))
                .setReferenceVersions(versions).build();
        return CaseflowSerdes.caseSnapshot().serializer().serialize("snapshots", snapshot);
    }

    @Test
    void shouldReadTheCalendarCitedAndWhetherTheDeadlineMovedFromWholeSnapshots() {
        RecomputePhase.CalendarCitation citation = new RecomputePhase.CalendarCitation();

        assertThat(citation.cites(snapshot(2, Map.of("rules", "2024.1", "calendar", "CN@2027.bench")), "2027.bench"))
                .isTrue();
        assertThat(citation.lastMoved).isTrue();
        // The decoder is reused: a second record does not keep anything of the first.
        assertThat(citation.cites(snapshot(1, Map.of("calendar", "CN@2026.1")), "2027.bench")).isFalse();
        assertThat(citation.lastMoved).isFalse();
        assertThat(citation.cites(snapshot(1, Map.of()), "2027.bench")).isFalse();
    }

    @Test
    void shouldRefuseBytesThatAreNoSnapshot() {
        RecomputePhase.CalendarCitation citation = new RecomputePhase.CalendarCitation();

        assertThatThrownBy(() -> citation.cites(new byte[] {1, 2, 3}, "2027.bench")).isInstanceOf(RuntimeException.class);
    }
}
