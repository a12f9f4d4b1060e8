package org.caseflow.streams.topology;

import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Deletes a key without reading it. Kafka Streams' {@link KeyValueStore#delete} returns the old value, so the caching
 * layer reads the key first (a RocksDB point lookup on a record-cache miss, and the value then put into the record
 * cache) and the metered layer decodes it. A put of null writes the same tombstone to the record cache, RocksDB and
 * the changelog without that read. Every delete here ignores the old value.
 */
final class BlindDelete {
    private BlindDelete() {
    }

    static <K, V> void from(KeyValueStore<K, V> store, K key) {
        store.put(key, null);
    }
}
