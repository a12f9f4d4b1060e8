package org.caseflow.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.caseflow.streams.domain.cases.AtRiskListing;
import org.caseflow.streams.domain.cases.CaseId;
import org.caseflow.streams.domain.cases.CaseState;
import org.caseflow.streams.domain.courts.CourtId;
import org.caseflow.streams.topology.StoreKeys.DeadlineKey;
import org.caseflow.streams.topology.StoreKeys.DigestEntryKey;
import org.caseflow.streams.topology.StoreKeys.DigestKey;
import org.caseflow.streams.topology.StoreKeys.DueKey;
import org.caseflow.streams.topology.StoreKeys.EventChunkKey;
import org.caseflow.streams.topology.StoreKeys.SequenceKey;
import org.junit.jupiter.api.Test;

/** The store keys are on disk and in changelogs: each codec writes exactly the old strings and reads them back. */
class StoreKeysTest {
    private static final String CASE = "(2025)湘0211民初1234号";

    @Test
    void shouldWriteDeadlineIndexKeysAsCourtPaddedEpochDayCaseId() {
        LocalDate deadline = LocalDate.of(2025, 9, 30); // epoch day 20361
        DeadlineKey key = new DeadlineKey("湘0211", deadline, CASE);
        assertThat(key.encode()).isEqualTo("湘0211|00020361|" + CASE);
        // A case the engine lists at (court, deadline) is under this key, and the stored key reads back as that listing.
        CaseState listed = new CaseState(new CaseId(CASE), null, Instant.EPOCH, 1, deadline, List.of(), null, null,
                Set.of(), false, false, false, new AtRiskListing(new CourtId("湘0211"), deadline));
        assertThat(DeadlineKey.of(listed)).isEqualTo(key.encode());
        assertThat(DeadlineKey.listing(key.encode())).isEqualTo(listed.atRisk());
        assertThat(DeadlineKey.of(CaseState.empty(new CaseId(CASE), Instant.EPOCH))).isNull();
        assertThat(DeadlineKey.listing(null)).isNull();
        assertThat(DeadlineKey.decode(key.encode())).isEqualTo(key);
        assertThat(DeadlineKey.deadlineOf(key.encode(), "湘0211")).isEqualTo(deadline);
        assertThat(DeadlineKey.caseIdOf(key.encode(), "湘0211")).isEqualTo(CASE);
        assertThat(DeadlineKey.courtOf(key.encode())).isEqualTo("湘0211");
    }

    @Test
    void shouldBoundACourtsDeadlineRangesByDay() {
        String day = new DeadlineKey("湘02", LocalDate.ofEpochDay(20_361), CASE).encode();
        assertThat(DeadlineKey.dayStart("湘02", 20_361)).isLessThanOrEqualTo(day);
        assertThat(DeadlineKey.dayEnd("湘02", 20_361)).isGreaterThan(day);
        assertThat(DeadlineKey.dayEnd("湘02", 20_360)).isLessThan(day);
        assertThat(DeadlineKey.courtStart("湘02")).isEqualTo("湘02|").isLessThan(day);
        assertThat(DeadlineKey.courtEnd("湘02")).isEqualTo("湘02}").isGreaterThan(day);
        // A court whose code starts with another's is outside the other's range.
        String subordinate = new DeadlineKey("湘0211", LocalDate.ofEpochDay(20_361), CASE).encode();
        assertThat(subordinate.compareTo(DeadlineKey.courtStart("湘02")) < 0
                || subordinate.compareTo(DeadlineKey.courtEnd("湘02")) > 0).isTrue();
    }

    @Test
    void shouldWriteDueKeysAsSixteenDigitMillisCaseId() {
        DueKey key = new DueKey(Instant.ofEpochMilli(1_748_000_000_000L), CASE);
        assertThat(key.encode()).isEqualTo("0001748000000000|" + CASE);
        assertThat(DueKey.decode(key.encode())).isEqualTo(key);
        assertThat(DueKey.millis(42)).isEqualTo("0000000000000042");
    }

    @Test
    void shouldWriteSequenceKeysAsNineteenDigits() {
        assertThat(new SequenceKey(7).encode()).isEqualTo(String.format("%019d", 7L));
        assertThat(new SequenceKey(Long.MAX_VALUE).encode()).isEqualTo(Long.toString(Long.MAX_VALUE));
        assertThat(SequenceKey.decode("0000000000000000123")).isEqualTo(new SequenceKey(123));
        assertThatThrownBy(() -> new SequenceKey(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldWriteEventChunkKeysWithSixDigitChunks() {
        assertThat(new EventChunkKey(CASE, 3).encode()).isEqualTo(CASE + "|000003");
        assertThat(new EventChunkKey(CASE, 1_234_567).encode()).isEqualTo(CASE + "|1234567");
        assertThat(EventChunkKey.decode(CASE + "|000003")).isEqualTo(new EventChunkKey(CASE, 3));
        assertThat(CaseEventLog.chunkKey(CASE, 0)).isEqualTo(CASE + "|000000");
    }

    @Test
    void shouldWriteDigestKeysAsRecipientKindPeriod() {
        DigestKey key = new DigestKey("judge:J-湘0211-07", "day", "2025-05-19");
        assertThat(key.encode()).isEqualTo("judge:J-湘0211-07|day|2025-05-19");
        assertThat(DigestKey.decode(key.encode())).isEqualTo(key);
        assertThat(DigestKey.kindStart("judge:J-湘0211-07", "week")).isEqualTo("judge:J-湘0211-07|week|");
        assertThat(DigestKey.kindEnd("judge:J-湘0211-07", "week")).isGreaterThan("judge:J-湘0211-07|week|2025-W52");
        assertThat(DigestProcessor.key("court:湘02", "month", "2025-05")).isEqualTo("court:湘02|month|2025-05");
    }

    @Test
    void shouldWriteDigestLogKeysAsRecipientEmptyPartSequence() {
        String key = new StoreKeys.DigestLogKey("judge:J-湘0211-07", 42).encode();
        assertThat(key).isEqualTo("judge:J-湘0211-07||0000000000000000042");
        assertThat(StoreKeys.DigestLogKey.isLog("judge:J-湘0211-07", key)).isTrue();
        assertThat(StoreKeys.DigestLogKey.isLog("judge:J-湘0211-07", "judge:J-湘0211-07|" + CASE + "|" + CASE + "/v2/WARNING"))
                .as("a per-entry key").isFalse();
        assertThat(StoreKeys.DigestLogKey.isLog("division-chief:湘0211/民一", "division-chief:湘0211/民一|庭||0000000000000000042"))
                .as("another recipient's, whose name goes on past a separator").isFalse();
    }

    @Test
    void shouldWriteDigestEntryKeysAsRecipientCaseAlert() {
        DigestEntryKey key = new DigestEntryKey("judge:J-湘0211-07", CASE, CASE + "/v2/WARNING");
        assertThat(key.encode()).isEqualTo("judge:J-湘0211-07|" + CASE + "|" + CASE + "/v2/WARNING");
        assertThat(DigestEntryKey.decode(key.encode())).isEqualTo(key);
        assertThat(DigestEntryKey.recipientPrefix("judge:J-湘0211-07")).isEqualTo("judge:J-湘0211-07|");
        assertThat(DigestProcessor.entryKey("r", "c", "a")).isEqualTo("r|c|a");
    }
}
