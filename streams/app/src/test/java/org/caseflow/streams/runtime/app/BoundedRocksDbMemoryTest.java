package org.caseflow.streams.runtime.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

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
}
