package org.caseflow.streams.runtime.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.caseflow.events.AlertLevel;
import org.caseflow.events.AlertStatus;
import org.caseflow.events.DeadlineAlert;
import org.caseflow.events.Procedure;
import org.caseflow.schemas.CaseflowSerdes;
import org.junit.jupiter.api.Test;

class ProjectionReaderTest {
    private static byte[] alert(AlertLevel level, int version, String judge) {
        DeadlineAlert alert = DeadlineAlert.newBuilder()
                .setAlertId("(2025)湘0211民初1号/v" + version + "/" + level).setCaseId("(2025)湘0211民初1号")
                .setCourt("湘0211").setProcedure(Procedure.CIVIL_FIRST_SUMMARY).setLevel(level)
                .setStatus(AlertStatus.FIRING).setDeadline(LocalDate.parse("2025-06-03")).setDeadlineVersion(version)
                .setDaysRemaining(15).setRaisedAt(Instant.parse("2025-05-18T16:00:00Z")).setEscalateTo(List.of("J-1"))
                .setJudge(judge).setExplanation(List.of("简易程序 3 个月（民事诉讼法第一百六十四条）")).build();
        return CaseflowSerdes.deadlineAlert().serializer().serialize("alerts", alert);
    }

    @Test
    void shouldReadTheProjectedFieldsOfEachRecordAsTheFullDecoderDoes() {
        ProjectionReader reader = new ProjectionReader(DeadlineAlert.getClassSchema(),
                List.of("deadlineVersion", "level", "judge"));

        for (int version = 1; version <= 3; version++) {
            for (AlertLevel level : AlertLevel.values()) {
                byte[] bytes = alert(level, version, version == 2 ? null : "J-" + version);
                DeadlineAlert full = CaseflowSerdes.deadlineAlert().deserializer().deserialize("alerts", bytes);

                GenericRecord read = reader.read(bytes);

                assertThat(read.get("deadlineVersion")).isEqualTo(full.getDeadlineVersion());
                assertThat(read.get("level").toString()).isEqualTo(full.getLevel().name());
                assertThat(read.get("judge") == null ? null : read.get("judge").toString()).isEqualTo(full.getJudge());
            }
        }
    }

    @Test
    void shouldRefuseBytesThatAreNotSuchARecord() {
        ProjectionReader reader = new ProjectionReader(DeadlineAlert.getClassSchema(), List.of("level"));

        assertThatThrownBy(() -> reader.read(new byte[] {1, 2, 3})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DeadlineAlert");
        byte[] truncated = java.util.Arrays.copyOf(alert(AlertLevel.NOTICE, 1, "J-1"), 14);
        assertThatThrownBy(() -> reader.read(truncated)).isInstanceOf(java.io.UncheckedIOException.class);
    }
}
