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

    /** A storm's batch: one court's crossings, each case id Chinese text, the alert id the case id and a suffix. */
    private static DigestFeed stormBatch(int items) {
        List<DigestFeed> crossings = new java.util.ArrayList<>();
        for (int i = 0; i < items; i++) {
            String caseId = "(2025)湘0211民初" + (100_000 + i) + "号";
            crossings.add(new DigestFeed(DigestFeed.ALERT, "court:湘0211", caseId + "/v1/NOTICE", caseId, "湘0211",
                    Procedure.CIVIL_FIRST_SUMMARY, "NOTICE", "FIRING", LocalDate.of(2025, 6, 3), 1_747_584_000_000L + i,
                    -1, null));
        }
        return DigestFeed.batch("court:湘0211", crossings);
    }

    @Test
    void shouldWriteWhatRepeatsFromTheItemBeforeOnce() {
        DigestFeed batch = stormBatch(500);
        byte[] format2 = serde.serializer().serialize("t", batch);
        byte[] format1 = DigestFeedSerde.writeFormat1(batch);

        assertThat(format2[0]).isEqualTo(DigestFeedSerde.FORMAT);
        assertThat(roundTrip(batch)).isEqualTo(batch);
        // 91 bytes an item against 166: the case id once, the court, procedure, level and status as "the same"
        assertThat(format2.length).as("format 2 against format 1 for a storm's batch")
                .isLessThan(format1.length * 6 / 10);
    }

    @Test
    void shouldRoundTripItemsThatDifferFromTheOneBeforeInEveryField() {
        DigestFeed first = new DigestFeed(DigestFeed.ALERT, "court:湘0211", "(2025)湘0211民初1号/v2/BREACHED",
                "(2025)湘0211民初1号", "湘0211", Procedure.CIVIL_FIRST_SUMMARY, "BREACHED", "RESOLVED",
                LocalDate.of(2025, 6, 3), 5, -1, null);
        DigestFeed otherCourt = new DigestFeed(DigestFeed.ALERT, "judge:J-1", "unrelated-id", "(2025)湘0212民初2号",
                "湘0212", Procedure.CRIMINAL_FIRST, "NOTICE", "FIRING", null, 6, -1, null);
        DigestFeed ack = new DigestFeed(DigestFeed.ACK, "judge:J-1", "(2025)湘0212民初2号", "(2025)湘0212民初2号",
                "湘0212", null, null, null, null, 7, -1, null);
        DigestFeed bare = new DigestFeed(DigestFeed.ACK, null, null, null, null, null, null, null, null, 8, -1, null);
        DigestFeed batch = new DigestFeed(DigestFeed.BATCH, "court:湘0211", null, null, null, null, null, null, null, 8,
                -1, List.of(first, otherCourt, ack, bare, first));

        assertThat(roundTrip(batch)).isEqualTo(batch);
    }

    @Test
    void shouldStillReadFormatOneRecords() {
        DigestFeed batch = stormBatch(3);
        assertThat(serde.deserializer().deserialize("t", DigestFeedSerde.writeFormat1(batch))).isEqualTo(batch);
        DigestFeed clock = DigestFeed.clock(7, 1_747_584_000_000L);
        assertThat(serde.deserializer().deserialize("t", DigestFeedSerde.writeFormat1(clock))).isEqualTo(clock);
    }

    @Test
    void shouldRefuseARepeatWithNoItemBefore() {
        byte[] bytes = serde.serializer().serialize("t", DigestFeed.clock(3, 5L));
        bytes[2] = (byte) 0xff; // recipient length -1 (null) becomes -2 (the same as an item before): there is none
        bytes[3] = (byte) 0xff;
        bytes[4] = (byte) 0xff;
        bytes[5] = (byte) 0xfe;
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", bytes))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no item before");
    }

    private DigestFeed roundTrip(DigestFeed feed) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", feed));
    }
}
