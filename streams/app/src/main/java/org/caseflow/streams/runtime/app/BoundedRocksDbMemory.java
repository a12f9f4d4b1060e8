package org.caseflow.streams.runtime.app;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * One memory budget for every RocksDB store of the instance ({@code rocksdb.config.setter}): a shared LRU block
 * cache of {@link #TOTAL_BYTES_CONFIG} bytes, with the memtables (write buffers) charged to the same cache
 * through a WriteBufferManager, and index and filter blocks cached there too. Without it each store (case,
 * events, due index, deadline index, held, the indicator stores, per partition) sizes its own cache and
 * memtables, and off-heap memory grows with the number of stores × partitions, not with the data.
 * The cache and manager are created once per JVM and never closed by a store.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {
    /** Passed through the Streams configuration: the whole budget in bytes. */
    public static final String TOTAL_BYTES_CONFIG = "caseflow.rocksdb.memory.bytes";
    /** Share of the budget the write buffers may take. */
    static final double WRITE_BUFFER_SHARE = 0.5;
    /** Share of the cache kept for index and filter blocks, so data blocks cannot push them out. */
    static final double HIGH_PRIORITY_SHARE = 0.1;
    /**
     * The cache in 2^2 shards. RocksDB's default for a 128 MiB cache is 64 shards of 2 MiB, each with its own LRU list
     * and a 0.2 MiB high-priority pool, and a case store's table file has an index block of several hundred KiB: it
     * did not fit its shard's pool, data blocks pushed it out, and a storm's point reads re-read and checksummed whole
     * index blocks (docs/performance.md, "Twelfth session"). Four shards of 32 MiB keep them; a shard's lock is
     * contended only by the stream threads and interactive queries, a handful of threads.
     */
    static final int CACHE_SHARD_BITS = 2;
    /**
     * Arena block of every memtable. A memtable holding anything has at least one block charged to the write-buffer
     * manager, and RocksDB's default block is 1 MiB (an eighth of Kafka's 16 MiB write buffer, capped). An
     * instance has about a hundred stores, most holding a few entries between flushes, so their near-empty
     * memtables alone passed the manager's limit: the manager then flushed the memtable of every store written to,
     * however small (the digest-entry stores 42,000 times, about 5 entries each, while 380,000 cases were loaded, and
     * 33,000 compactions after them; docs/performance.md, "Ninth session"). With 64 KiB blocks a hundred such memtables
     * hold 6 MiB of the budget and memtables flush when they are full.
     */
    static final long ARENA_BLOCK_BYTES = 64L << 10;

    private static Shared shared;

    /** The cache and write-buffer manager every store shares. */
    record Shared(long bytes, Cache cache, WriteBufferManager writeBuffers) {
    }

    static synchronized Shared shared(long bytes) {
        if (shared == null) {
            LRUCache cache = new LRUCache(bytes, CACHE_SHARD_BITS, false, HIGH_PRIORITY_SHARE);
            shared = new Shared(bytes, cache, new WriteBufferManager((long) (bytes * WRITE_BUFFER_SHARE), cache));
        }
        return shared;
    }

    /**
     * {@code caseflow_rocksdb_memory_bytes{kind}}: {@code used} (block cache usage, memtables included since they are
     * charged to it), {@code pinned} (blocks in use by readers), {@code capacity} (the budget). One cache serves every
     * store of the JVM, so these replace the per-store RocksDB metrics, which would each report the same cache.
     * Before the first store opens there is no cache yet: 0 used, the configured capacity.
     */
    static void bindTo(MeterRegistry registry, long configuredBytes) {
        memoryGauge(registry, "used", s -> s.cache().getUsage(), 0);
        memoryGauge(registry, "pinned", s -> s.cache().getPinnedUsage(), 0);
        memoryGauge(registry, "capacity", Shared::bytes, configuredBytes);
    }

    private static void memoryGauge(MeterRegistry registry, String kind, ToLongFunction<Shared> read, long before) {
        Gauge.builder("caseflow.rocksdb.memory", () -> {
            Shared memory = current();
            return memory == null ? before : read.applyAsLong(memory);
        }).description("Off-heap memory of the RocksDB stores (one shared cache; caseflow.rocksdb.memory.bytes)")
                .baseUnit("bytes")
                .tag("kind", kind)
                .strongReference(true)
                .register(registry);
    }

    private static synchronized Shared current() {
        return shared;
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Object configured = configs.get(TOTAL_BYTES_CONFIG);
        long bytes = configured == null ? 128L << 20 : Long.parseLong(configured.toString());
        Shared memory = shared(bytes);
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(memory.cache());
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(memory.writeBuffers());
        options.setTableFormatConfig(table);
        // Two memtables per store at most; their memory is accounted in the shared budget either way.
        options.setMaxWriteBufferNumber(2);
        options.setArenaBlockSize(ARENA_BLOCK_BYTES);
    }

    @Override
    public void close(String storeName, Options options) {
        // Shared by every store of the JVM: closing it here would pull it from under the others.
    }
}
