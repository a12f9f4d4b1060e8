package org.caseflow.streams.topology;

import java.time.YearMonth;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.KeyValueStore;
import org.caseflow.streams.domain.indicators.LedgerStore;
import org.caseflow.streams.domain.indicators.LedgerView;
import org.caseflow.streams.domain.indicators.MonthLedger;
import org.caseflow.streams.domain.indicators.ScopeKey;

/**
 * The domain's {@link LedgerStore} over the Kafka Streams store {@link StoreNames#INDICATOR_LEDGERS}
 * (String key → {@link MonthLedger#toBytes()}). An all-zero ledger (a fact and its correction) is deleted, so
 * corrections do not leave tombstone-worthy garbage behind. Also gives read-only per-scope views for the calculator.
 */
public final class KeyValueLedgerStore implements LedgerStore {
    private final ReadOnlyKeyValueStore<String, byte[]> reads;
    private final KeyValueStore<String, byte[]> writes;

    public KeyValueLedgerStore(KeyValueStore<String, byte[]> store) {
        this.reads = store;
        this.writes = store;
    }

    private KeyValueLedgerStore(ReadOnlyKeyValueStore<String, byte[]> store) {
        this.reads = store;
        this.writes = null;
    }

    /** A read-only adapter (interactive queries, replay read-out); {@link #put} throws. */
    public static KeyValueLedgerStore readOnly(ReadOnlyKeyValueStore<String, byte[]> store) {
        return new KeyValueLedgerStore(store);
    }

    @Override
    public MonthLedger get(String key) {
        byte[] bytes = reads.get(key);
        return bytes == null ? null : MonthLedger.fromBytes(bytes);
    }

    @Override
    public void put(String key, MonthLedger ledger) {
        if (writes == null) {
            throw new UnsupportedOperationException("read-only ledger store");
        }
        if (ledger.isEmpty()) {
            BlindDelete.from(writes, key);
        } else {
            writes.put(key, ledger.toBytes());
        }
    }

    /** The ledgers of one scope as the calculator reads them (absent ledgers read as empty). */
    public LedgerView view(ScopeKey scope) {
        return new LedgerView() {
            @Override
            public MonthLedger month(YearMonth m) {
                return orEmpty(get(scope.monthKey(m)));
            }

            @Override
            public MonthLedger total() {
                return orEmpty(get(scope.totalKey()));
            }
        };
    }

    private static MonthLedger orEmpty(MonthLedger ledger) {
        return ledger != null ? ledger : new MonthLedger();
    }
}
