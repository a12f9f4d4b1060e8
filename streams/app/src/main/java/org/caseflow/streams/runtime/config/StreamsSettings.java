package org.caseflow.streams.runtime.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How the Kafka Streams instance runs: {@code caseflow.application.id}, {@code caseflow.state.dir},
 * {@code caseflow.streams.threads}, {@code caseflow.streams.max.thread.replacements},
 * {@code caseflow.shutdown.timeout.ms}, {@code caseflow.rocksdb.memory.bytes}, {@code caseflow.store.cache.bytes} and
 * {@code caseflow.metrics.recording.level}.
 */
public record StreamsSettings(String applicationId, Path stateDir, int threads, int maxThreadReplacements,
        Duration shutdownTimeout, long rocksdbMemoryBytes, long storeCacheBytes, String metricsRecordingLevel) {

    static StreamsSettings parse(DefinedConfig c) {
        return new StreamsSettings(c.text(ConfigKeys.APPLICATION_ID), c.path(ConfigKeys.STATE_DIR),
                c.integer(ConfigKeys.STREAMS_THREADS), c.integer(ConfigKeys.STREAMS_MAX_THREAD_REPLACEMENTS),
                c.millis(ConfigKeys.SHUTDOWN_TIMEOUT_MS), c.number(ConfigKeys.ROCKSDB_MEMORY_BYTES),
                c.number(ConfigKeys.STORE_CACHE_BYTES), c.upper(ConfigKeys.METRICS_RECORDING_LEVEL));
    }

    void putSettings(Map<String, String> s) {
        s.put(ConfigKeys.APPLICATION_ID, applicationId);
        s.put(ConfigKeys.STATE_DIR, stateDir.toString());
        s.put(ConfigKeys.STREAMS_THREADS, String.valueOf(threads));
        s.put(ConfigKeys.STREAMS_MAX_THREAD_REPLACEMENTS, String.valueOf(maxThreadReplacements));
        s.put(ConfigKeys.SHUTDOWN_TIMEOUT_MS, String.valueOf(shutdownTimeout.toMillis()));
        s.put(ConfigKeys.ROCKSDB_MEMORY_BYTES, String.valueOf(rocksdbMemoryBytes));
        s.put(ConfigKeys.STORE_CACHE_BYTES, String.valueOf(storeCacheBytes));
        s.put(ConfigKeys.METRICS_RECORDING_LEVEL, metricsRecordingLevel);
    }
}
