package org.caseflow.streams.domain.indicators;

/** Where {@link LedgerUpdates} reads and writes ledgers: a Kafka Streams key-value store, or a map in tests. */
public interface LedgerStore {
    /** The ledger under {@code key} ({@link ScopeKey#monthKey} or {@link ScopeKey#totalKey}), or null. */
    MonthLedger get(String key);

    /** Stores the ledger; an {@link MonthLedger#isEmpty() empty} ledger may be deleted instead. */
    void put(String key, MonthLedger ledger);
}
