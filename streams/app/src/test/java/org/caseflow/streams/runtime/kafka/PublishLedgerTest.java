package org.caseflow.streams.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.caseflow.streams.runtime.jsonl.LineRanges;
import org.junit.jupiter.api.Test;

/** What {@code caseflow produce} says after a failed publish: exactly which lines were published (issue 13). */
class PublishLedgerTest {
    static LineRanges lines(long first, long last) {
        LineRanges ranges = new LineRanges();
        for (long line = first; line <= last; line++) {
            ranges.add(line);
        }
        return ranges;
    }

    @Test
    void shouldListPublishedFailedAndUnsentLines() {
        PublishLedger ledger = new PublishLedger();
        for (long line = 1; line <= 8; line++) {
            ledger.sent(line);
        }
        for (long line = 1; line <= 7; line++) {
            ledger.acknowledged(line);
        }
        ledger.failed(8, "Timestamp 253402300800000 of message with offset 0 is out of range");
        assertThat(ledger.describe(lines(1, 24))).isEqualTo("published lines 1–7 (7 events); line 8 failed: Timestamp"
                + " 253402300800000 of message with offset 0 is out of range; lines 9–24 not sent");
    }

    @Test
    void shouldSayWhatWasNeitherAcknowledgedNorRefused() {
        PublishLedger ledger = new PublishLedger();
        ledger.sent(1);
        ledger.sent(2);
        ledger.acknowledged(2);
        assertThat(ledger.describe(lines(1, 2)))
                .isEqualTo("published line 2 (1 event); line 1 sent but not acknowledged (may or may not be published)");
    }

    @Test
    void shouldSayNothingWasPublishedWhenTheTopicsWereMissing() {
        assertThat(new PublishLedger().describe(lines(1, 3))).isEqualTo("nothing published; lines 1–3 not sent");
    }

    @Test
    void shouldGroupLinesByReasonAndBoundTheReasonsKept() {
        PublishLedger ledger = new PublishLedger();
        for (long line = 1; line <= 9; line++) {
            ledger.sent(line);
            ledger.failed(line, line % 2 == 0 ? "part of a batch with an invalid record" : "reason " + line);
        }
        assertThat(ledger.describe(lines(1, 9))).isEqualTo("nothing published; line 1 failed: reason 1;"
                + " lines 2, 4, 6, 8 failed: part of a batch with an invalid record; line 3 failed: reason 3;"
                + " line 5 failed: reason 5; line 7 failed: reason 7; line 9 failed for other reasons");
    }
}
