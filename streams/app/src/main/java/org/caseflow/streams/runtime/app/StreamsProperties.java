package org.caseflow.streams.runtime.app;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.caseflow.streams.runtime.config.CaseflowConfig;

/**
 * The Kafka Streams configuration of the app: exactly-once, interactive-query endpoint, state dir,
 * dead-letter topic and the counting error handlers; {@code kafka.*} settings applied last so an
 * operator can override any of it.
 */
public final class StreamsProperties {
    /**
     * Producer batch per partition ({@code producer.batch.size}), eight times Kafka's 16 KiB. A midnight storm writes
     * an alert, a case changelog record and the digest entries for every crossing, thousands a second to each
     * partition: with 16 KiB batches the broker and the producer's I/O thread spent 28 µs of CPU per crossing on
     * batches and requests, as much as half the stream thread's own work on two cores; with 128 KiB, 10 µs
     * (docs/performance.md, "Tenth session"). A batch is allocated only for a partition that has records, and
     * {@code buffer.memory} (32 MiB) still bounds them all: when they would pass it the producer sends the batches it
     * has sooner rather than allocating more.
     */
    static final int PRODUCER_BATCH_BYTES = 128 << 10;
    /** One transaction a second ({@code commit.interval.ms}). */
    static final int COMMIT_INTERVAL_MS = 1_000;
    /**
     * How long the producer holds a batch for more records ({@code producer.linger.ms}): a commit interval, where Kafka
     * Streams' default is 100 ms. Under exactly-once a record is invisible to {@code read_committed} readers until its
     * transaction commits, and the commit sends whatever the producer still holds, so waiting longer delays no reader.
     * Outside a storm most of the ~30 topics the app writes get a few records a second per partition: at 100 ms they
     * went out in up to ten small batches a second each. Waiting for the commit, the pipeline caught up 7–38 % faster in
     * three alternating pairs (docs/performance.md, "Sixteenth session").
     */
    static final int PRODUCER_LINGER_MS = COMMIT_INTERVAL_MS;

    private StreamsProperties() {
    }

    public static Properties of(CaseflowConfig config, MeterRegistry registry) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.streams().applicationId());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // Every store, changelog and processor is named (StoreNames, Names): refuse generated names.
        p.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, config.http().applicationServer());
        p.put(StreamsConfig.STATE_DIR_CONFIG, config.streams().stateDir().toAbsolutePath().toString());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.streams().threads());
        p.put(StreamsConfig.METRICS_RECORDING_LEVEL_CONFIG, config.streams().metricsRecordingLevel());
        if (config.topics().replicationFactor() > 0) {
            p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) config.topics().replicationFactor());
        }
        // A restarted instance with local state answers queries while it catches up elsewhere.
        p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 0);
        p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, config.topics().names().deadLetters());
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, CountingDeserializationHandler.class.getName());
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, CountingProcessingHandler.class.getName());
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        p.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, CountingProductionHandler.class.getName());
        p.put(DeadLetterHandlers.REGISTRY_CONFIG, registry);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        hotPath(p, config);
        p.putAll(config.kafka());
        return p;
    }

    /**
     * Transactions, commits and event-time order, set deliberately (docs/operations.md, "Hot path"). Timer
     * work is bounded per step (CaseProcessor: 20,000 timers or 500 ms), so one transaction carries at most a
     * commit interval of records plus one step: far inside the transaction timeout, which only has to cover a
     * slow broker or a long GC pause, and whose length is also how long read_committed consumers may wait
     * behind the open transaction of an instance that died. Commits every second let the record cache
     * collapse repeated writes of a key into one changelog record (alerts still reach read_committed
     * consumers within about a second).
     */
    private static void hotPath(Properties p, CaseflowConfig config) {
        p.put(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), 30_000);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG), 300_000);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, COMMIT_INTERVAL_MS);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), PRODUCER_BATCH_BYTES);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), PRODUCER_LINGER_MS);
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, config.streams().storeCacheBytes());
        p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class.getName());
        p.put(BoundedRocksDbMemory.TOTAL_BYTES_CONFIG, config.streams().rocksdbMemoryBytes());
        // 0 (Kafka's default, explicit here because it is deliberate): a task picks its next record by timestamp among
        // what it has fetched and waits for records known to be on the broker, never for a producer. Waiting for
        // producers as well (> 0) waits on every input partition of the task, the feedback topics (case links,
        // acks) included, which empty after nearly every record: on event time the case processor keeps that wait
        // itself, over the three event inputs and only where order matters (OrderBarrier, caseflow.event-time.grace.ms).
        p.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, 0L);
    }
}
