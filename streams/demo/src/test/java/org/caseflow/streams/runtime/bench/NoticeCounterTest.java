package org.caseflow.streams.runtime.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.caseflow.events.AlertLevel;
import org.caseflow.events.AlertStatus;
import org.caseflow.events.DeadlineAlert;
import org.caseflow.events.Procedure;
import org.caseflow.schemas.CaseflowSerdes;
import org.junit.jupiter.api.Test;

class NoticeCounterTest {
    private static byte[] alert(AlertLevel level, AlertStatus status) {
        DeadlineAlert alert = DeadlineAlert.newBuilder()
                .setAlertId("(2025)湘0211民初1号/1/" + level).setCaseId("(2025)湘0211民初1号").setCourt("湘0211")
                .setProcedure(Procedure.CIVIL_FIRST_SUMMARY).setLevel(level).setStatus(status)
                .setDeadline(LocalDate.parse("2025-06-03")).setDeadlineVersion(1).setDaysRemaining(15)
                .setRaisedAt(Instant.parse("2025-05-18T16:00:00Z")).setEscalateTo(List.of("J-1")).build();
        return CaseflowSerdes.deadlineAlert().serializer().serialize("alerts", alert);
    }

    @Test
    void shouldReadLevelAndStatusOfAWholeEncodedAlert() {
        StormPhase.NoticeCounter counter = new StormPhase.NoticeCounter();

        assertThat(counter.isNoticeFiring(alert(AlertLevel.NOTICE, AlertStatus.FIRING))).isTrue();
        assertThat(counter.isNoticeFiring(alert(AlertLevel.NOTICE, AlertStatus.RESOLVED))).isFalse();
        assertThat(counter.isNoticeFiring(alert(AlertLevel.WARNING, AlertStatus.FIRING))).isFalse();
    }
}
