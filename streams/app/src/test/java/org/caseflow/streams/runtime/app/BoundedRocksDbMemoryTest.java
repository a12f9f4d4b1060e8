package org.caseflow.streams.runtime.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

/** Every store of the JVM gets the same block cache and write-buffer manager; closing a store keeps them. */
class BoundedRocksDbMemoryTest {
    @Test
    void shouldGiveEveryStoreTheSameBudget() {
        RocksDB.loadLibrary();
        BoundedRocksDbMemory setter = new BoundedRocksDbMemory();
        Map<String, Object> configs = Map.of(BoundedRocksDbMemory.TOTAL_BYTES_CONFIG, String.valueOf(64L << 20));
        try (Options a = new Options(); Options b = new Options()) {
            a.setTableFormatConfig(new BlockBasedTableConfig());
            b.setTableFormatConfig(new BlockBasedTableConfig());
            setter.setConfig("case-store", a, configs);
            setter.setConfig("due-index-store", b, configs);
            setter.close("case-store", a);

            BoundedRocksDbMemory.Shared shared = BoundedRocksDbMemory.shared(1);
            assertThat(a.writeBufferManager()).isSameAs(shared.writeBuffers());
            assertThat(b.writeBufferManager()).isSameAs(shared.writeBuffers());
            assertThat(shared.cache().isOwningHandle()).as("still open after a store closed").isTrue();
            assertThat(a.maxWriteBufferNumber()).isEqualTo(2);
        }
    }

    /**
     * An instance has about a hundred stores, most holding a few entries between flushes. Their memtables must not
     * fill the write-buffer manager by themselves: when they did (a 1 MiB arena block each), every write flushed the
     * memtable it went to, a few entries at a time, and flushing and compacting took 81 s of CPU while 380,000 cases
     * were loaded. Here as many stores as it takes to pass the manager's limit with 1 MiB blocks each get a few small
     * writes, as Kafka Streams writes them (16 MiB write buffer, no write-ahead log); none may have switched its
     * memtable.
     */
    @Test
    void shouldNotFlushStoresThatHoldAFewEntries(@TempDir Path dir) throws RocksDBException {
        RocksDB.loadLibrary();
        BoundedRocksDbMemory setter = new BoundedRocksDbMemory();
        Map<String, Object> configs = Map.of(BoundedRocksDbMemory.TOTAL_BYTES_CONFIG, String.valueOf(64L << 20));
        long managerLimit = (long) (BoundedRocksDbMemory.shared(64L << 20).bytes() * BoundedRocksDbMemory.WRITE_BUFFER_SHARE);
        int stores = (int) (managerLimit >> 20) + 16; // with a 1 MiB block each, past the limit
        assertThat(stores * BoundedRocksDbMemory.ARENA_BLOCK_BYTES).isLessThan(managerLimit / 4);
        int writesPerStore = 5;
        List<Options> options = new ArrayList<>();
        List<RocksDB> dbs = new ArrayList<>();
        try (WriteOptions noWal = new WriteOptions().setDisableWAL(true)) {
            for (int i = 0; i < stores; i++) {
                Options o = new Options().setCreateIfMissing(true).setWriteBufferSize(16L << 20);
                o.setTableFormatConfig(new BlockBasedTableConfig());
                setter.setConfig("store-" + i, o, configs);
                options.add(o);
                dbs.add(RocksDB.open(o, dir.resolve("store-" + i).toString()));
            }
            for (int w = 0; w < writesPerStore; w++) {
                for (RocksDB db : dbs) {
                    db.put(noWal, ("case-" + w).getBytes(StandardCharsets.UTF_8), new byte[300]);
                }
            }
            for (int i = 0; i < stores; i++) {
                assertThat(dbs.get(i).getLongProperty("rocksdb.num-entries-active-mem-table"))
                        .as("entries still in store %d's memtable (none flushed)", i)
                        .isEqualTo(writesPerStore);
            }
        } finally {
            dbs.forEach(RocksDB::close);
            options.forEach(o -> {
                setter.close("store", o);
                o.close();
            });
        }
    }
}
