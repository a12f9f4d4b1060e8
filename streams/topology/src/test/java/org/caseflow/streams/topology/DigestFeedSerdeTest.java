package org.caseflow.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.caseflow.streams.domain.rules.Procedure;

/** The digest feed's binary form round-trips every kind of record, and the first build's JSON records still read. */
class DigestFeedSerdeTest {
    private final DigestFeedSerde serde = new DigestFeedSerde();

    @Test
    void shouldRoundTripBatchesAlertsAcksAndClocks() {
        DigestFeed alert = new DigestFeed(DigestFeed.ALERT, "judge:J-湘0211-07", "(2025)湘0211民初1号/v1/NOTICE",
                "(2025)湘0211民初1号", "湘0211", Procedure.CIVIL_FIRST_SUMMARY, "NOTICE", "FIRING", LocalDate.of(2025, 6, 3),
                1_747_584_000_000L, -1, null);
        DigestFeed ack = new DigestFeed(DigestFeed.ACK, "judge:J-湘0211-07", "(2025)湘0211民初1号/v1/NOTICE",
                "(2025)湘0211民初1号", "湘0211", null, null, null, null, 1_747_590_000_000L, -1, null);
        DigestFeed batch = DigestFeed.batch("judge:J-湘0211-07", List.of(alert, ack));
        DigestFeed clock = DigestFeed.clock(7, 1_747_584_000_000L);
        for (DigestFeed feed : List.of(alert, ack, batch, clock)) {
            assertThat(roundTrip(feed)).isEqualTo(feed);
        }
        assertThat(roundTrip(batch).items()).extracting(DigestFeed::type).containsExactly("alert", "ack");
    }

    @Test
    void shouldStillReadTheFirstBuildsJsonRecords() {
        String json = "{\"type\":\"alert\",\"recipient\":\"court:湘0211\",\"alertId\":\"a/v1/BREACHED\",\"caseId\":\"a\","
                + "\"court\":\"湘0211\",\"procedure\":\"CIVIL_FIRST_SUMMARY\",\"level\":\"BREACHED\",\"status\":\"FIRING\","
                + "\"deadline\":\"2026-03-01\",\"at\":5,\"source\":-1}";
        DigestFeed read = serde.deserializer().deserialize("t", json.getBytes(StandardCharsets.UTF_8));
        assertThat(read.type()).isEqualTo("alert");
        assertThat(read.deadline()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(read.items()).isNull();
    }

    @Test
    void shouldRefuseAnUnknownFormatWithItsReason() {
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {9, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown format 9");
        byte[] whole = serde.serializer().serialize("t", DigestFeed.clock(3, 5L));
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", java.util.Arrays.copyOf(whole, whole.length - 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ends early");
    }

    private DigestFeed roundTrip(DigestFeed feed) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", feed));
    }
}
