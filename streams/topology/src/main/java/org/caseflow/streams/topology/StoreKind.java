package org.caseflow.streams.topology;

/**
 * Where the topology's key-value stores keep their data. Live operation needs RocksDB with changelogs; the other two
 * keep the same store names in memory.
 */
public enum StoreKind {
    /** RocksDB with a changelog and, where a store asks for it, the record cache: live operation. */
    PERSISTENT,
    /**
     * In memory with a changelog and the record cache, as live: topology tests on TopologyTestDriver, which would open
     * and close some twenty RocksDB instances per driver (a few hundred milliseconds each time).
     */
    IN_MEMORY,
    /**
     * In memory without changelogs or caches: offline replay, where TopologyTestDriver commits after every record and
     * would hold every changelog record in memory.
     */
    OFFLINE
}
