package org.caseflow.streams.topology;

import java.util.Comparator;
import java.util.TreeSet;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.caseflow.streams.topology.StoreKeys.DeadlineKey;

/**
 * The courts that have entries in one task's deadline index ({@link StoreNames#DEADLINE_INDEX}), in the index's own
 * order, so a threshold scan goes from court to court without reading the index to find the next one.
 *
 * <p>Why: finding the next court in the index is a range read from the end of one court to the end of the index, and a
 * range read over a cached store copies every cached key in its range before it returns the first (Kafka Streams'
 * {@code NamedCache.keyRange}). While cases are filed the cache holds thousands of fresh index entries, so each
 * midnight scan copied most of them once per court: 2.3 % of the stream thread while the bench's pipeline caught up,
 * and with ~3,500 courts in a national instance (cases are keyed by case number, so every task holds nearly every
 * court), about 3,500 copies of the pending entries in each midnight's scan.
 *
 * <p>Loaded once when the task starts (its cache for the store is empty then, so that walk reads RocksDB only) and told
 * of every court the task indexes from then on. A court is never dropped while the task runs: a court whose cases all
 * closed costs a scan one empty range read of its own keys, as it did before.
 */
final class IndexedCourts {
    /** Ordered as the index orders its keys: by the UTF-8 bytes of {@code court|}, unsigned, as RocksDB compares them. */
    private static final Comparator<String> INDEX_ORDER = Comparator.comparing(DeadlineKey::courtStart,
            StoreKeys.STORE_ORDER);
    private final TreeSet<String> courts = new TreeSet<>(INDEX_ORDER);

    /** The courts of {@code index} as it stands: one short range read per court. */
    static IndexedCourts of(ReadOnlyKeyValueStore<String, String> index) {
        IndexedCourts found = new IndexedCourts();
        String court = firstCourtFrom(index, null);
        while (court != null) {
            found.courts.add(court);
            court = firstCourtFrom(index, DeadlineKey.courtEnd(court));
        }
        return found;
    }

    private static String firstCourtFrom(ReadOnlyKeyValueStore<String, String> index, String from) {
        try (KeyValueIterator<String, String> it = index.range(from, null)) {
            return it.hasNext() ? DeadlineKey.courtOf(it.next().key) : null;
        }
    }

    /** A court the task has just put an index entry for. */
    void add(String court) {
        courts.add(court);
    }

    /** The first court in index order, or null. */
    String first() {
        return courts.isEmpty() ? null : courts.first();
    }

    /** The court after {@code court} in index order, or null. */
    String after(String court) {
        return courts.higher(court);
    }

    int size() {
        return courts.size();
    }
}
