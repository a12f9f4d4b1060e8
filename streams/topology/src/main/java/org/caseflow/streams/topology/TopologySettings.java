package org.caseflow.streams.topology;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import java.util.Set;
import org.caseflow.streams.domain.courts.CourtId;

/**
 * Settings of the Caseflow topology; built once by the runtime from configuration.
 *
 * @param topics                 topic names
 * @param clockMode              wall clock (live) or event time (replay, demo simulation)
 * @param tickInterval           how often the punctuator looks for due timers
 * @param tickMaxTimers          work bound per tick, so a midnight storm cannot stall the stream thread
 * @param indicatorThrottle      at most one {@code caseflow.indicators} update per key per this interval
 * @param indicatorRefresh       how often the current period of every known scope is recomputed, so that
 *                               point-in-time indicators (pending ages) move with the clock
 * @param indicatorExport        which indicators become Prometheus gauges, and at most how many series
 * @param stores                 where the stores keep their data ({@link StoreKind}): RocksDB live, in memory
 *                               for topology tests and replay
 * @param maxEventAhead          on the wall clock, an event whose occurredAt is further ahead of it is refused
 *                               (dead letter {@code ahead-of-clock}); event time has no such rule
 * @param orderGrace             event time: how long (wall clock) a record that moves the clock past a local
 *                               midnight waits for an event input that has delivered nothing later
 *                               ({@link OrderBarrier}); zero: no wait (replay, test drivers)
 * @param budgets                wall-clock bounds of one step's timer and indicator work, and the timer retry
 */
public record TopologySettings(TopicNames topics, ClockMode clockMode, Duration tickInterval, int tickMaxTimers,
                               Duration indicatorThrottle, Duration indicatorRefresh,
                               IndicatorExport indicatorExport, StoreKind stores, Duration maxEventAhead,
                               Duration orderGrace, WorkBudgets budgets) {
    /**
     * Events are recorded after they happen; a day ahead of the wall clock covers a producer whose clock or zone is
     * off, while a date typed a year ahead is refused before it starts a case's clock.
     */
    public static final Duration DEFAULT_MAX_EVENT_AHEAD = Duration.ofDays(1);
    public static final Duration DEFAULT_INDICATOR_THROTTLE = Duration.ofSeconds(5);
    public static final Duration DEFAULT_INDICATOR_REFRESH = Duration.ofMinutes(15);
    public static final int DEFAULT_INDICATOR_GAUGE_LIMIT = 5000;
    /**
     * How often (wall clock) the fact aggregator sends the deltas it summed on to the indicator processor: well under
     * the indicator throttle, so it adds at most this much to an indicator's delay. Replay moves the wall clock by
     * this much once at the end to send the rest.
     */
    public static final Duration FACT_BATCH_INTERVAL = Duration.ofSeconds(1);
    /**
     * Topic configs of every store's changelog, applied when Kafka Streams creates it. The broker stamps changelog
     * records with the time it appends them, not the event time of the record being processed. A broker rolls a
     * segment once a record is stamped {@code segment.ms} (7 days) after the segment's first, and the log cleaner then
     * compacts the segments rolled. So when the app catches up on weeks of events in minutes (event time, a backlog,
     * the demo), every changelog partition rolled a segment per week of event time, and the broker spent about a fifth
     * of its CPU on those rolls, their new index files and their compaction (docs/performance.md, "Nineteenth
     * session").
     * Restoring a key-value store reads only keys and values, so nothing reads these timestamps.
     */
    static final Map<String, String> CHANGELOG_CONFIGS = Map.of(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG,
            "LogAppendTime");

    public TopologySettings {
        if (indicatorThrottle.isNegative() || indicatorThrottle.isZero()
                || indicatorRefresh.isNegative() || indicatorRefresh.isZero()) {
            throw new IllegalArgumentException("indicator throttle and refresh intervals must be positive");
        }
        if (maxEventAhead.isNegative()) {
            throw new IllegalArgumentException("maxEventAhead must not be negative, got " + maxEventAhead);
        }
        if (orderGrace.isNegative()) {
            throw new IllegalArgumentException("orderGrace must not be negative, got " + orderGrace);
        }
    }

    /** Persistent (RocksDB) stores, as live operation needs. */
    public TopologySettings(TopicNames topics, ClockMode clockMode, Duration tickInterval, int tickMaxTimers,
                            Duration indicatorThrottle, Duration indicatorRefresh, IndicatorExport indicatorExport) {
        this(topics, clockMode, tickInterval, tickMaxTimers, indicatorThrottle, indicatorRefresh, indicatorExport,
                StoreKind.PERSISTENT, DEFAULT_MAX_EVENT_AHEAD, Duration.ZERO, WorkBudgets.DEFAULT);
    }

    /** The settings before indicators were configurable: default throttle and refresh, every indicator exported. */
    public TopologySettings(TopicNames topics, ClockMode clockMode, Duration tickInterval, int tickMaxTimers) {
        this(topics, clockMode, tickInterval, tickMaxTimers, DEFAULT_INDICATOR_THROTTLE, DEFAULT_INDICATOR_REFRESH,
                IndicatorExport.everything(DEFAULT_INDICATOR_GAUGE_LIMIT));
    }

    public static TopologySettings defaults() {
        return new TopologySettings(TopicNames.DEFAULT, ClockMode.WALL_CLOCK, Duration.ofMillis(200), 20_000);
    }

    public TopologySettings withClockMode(ClockMode mode) {
        return new TopologySettings(topics, mode, tickInterval, tickMaxTimers, indicatorThrottle, indicatorRefresh,
                indicatorExport, stores, maxEventAhead, orderGrace, budgets);
    }

    public TopologySettings withTopics(TopicNames names) {
        return new TopologySettings(names, clockMode, tickInterval, tickMaxTimers, indicatorThrottle,
                indicatorRefresh, indicatorExport, stores, maxEventAhead, orderGrace, budgets);
    }

    public TopologySettings withIndicators(Duration throttle, Duration refresh, IndicatorExport export) {
        return new TopologySettings(topics, clockMode, tickInterval, tickMaxTimers, throttle, refresh, export,
                stores, maxEventAhead, orderGrace, budgets);
    }

    /** {@link #withIndicators(Duration, Duration, IndicatorExport)} for these courts, every window. */
    public TopologySettings withIndicators(Duration throttle, Duration refresh, Set<CourtId> exportCourts,
                                           int gaugeLimit) {
        return withIndicators(throttle, refresh, new IndicatorExport(exportCourts, Set.of(),
                IndicatorExport.everything(gaugeLimit).windows(), gaugeLimit));
    }

    /** The same with another bound on timer work per step; {@link Integer#MAX_VALUE}: unbounded (offline replay). */
    public TopologySettings withTickMaxTimers(int maxTimers) {
        return new TopologySettings(topics, clockMode, tickInterval, maxTimers, indicatorThrottle, indicatorRefresh,
                indicatorExport, stores, maxEventAhead, orderGrace, budgets);
    }

    /** The same with in-memory stores without changelogs or caches: offline replay. */
    public TopologySettings withInMemoryStores() {
        return withStores(StoreKind.OFFLINE);
    }

    /** The same with the stores kept as {@code kind} says. */
    public TopologySettings withStores(StoreKind kind) {
        return new TopologySettings(topics, clockMode, tickInterval, tickMaxTimers, indicatorThrottle,
                indicatorRefresh, indicatorExport, kind, maxEventAhead, orderGrace, budgets);
    }

    /** The same with another wait for the other event inputs at a local midnight (event time). */
    public TopologySettings withOrderGrace(Duration grace) {
        return new TopologySettings(topics, clockMode, tickInterval, tickMaxTimers, indicatorThrottle,
                indicatorRefresh, indicatorExport, stores, maxEventAhead, grace, budgets);
    }

    /** The same with other wall-clock bounds of one step's work and timer retry. */
    public TopologySettings withBudgets(WorkBudgets other) {
        return new TopologySettings(topics, clockMode, tickInterval, tickMaxTimers, indicatorThrottle,
                indicatorRefresh, indicatorExport, stores, maxEventAhead, orderGrace, other);
    }

    /** The same with another bound on how far ahead of the wall clock an event may be (live). */
    public TopologySettings withMaxEventAhead(Duration maxAhead) {
        return new TopologySettings(topics, clockMode, tickInterval, tickMaxTimers, indicatorThrottle,
                indicatorRefresh, indicatorExport, stores, maxAhead, orderGrace, budgets);
    }

    /**
     * A key-value store under these settings: RocksDB with a changelog live; in memory with a changelog in topology
     * tests; in memory without a changelog offline (replay keeps no changelog: TopologyTestDriver would hold every
     * changelog record in memory).
     */
    public <K, V> StoreBuilder<KeyValueStore<K, V>> keyValueStore(String name, Serde<K> keys, Serde<V> values) {
        StoreBuilder<KeyValueStore<K, V>> builder = Stores.keyValueStoreBuilder(stores == StoreKind.PERSISTENT
                ? Stores.persistentKeyValueStore(name) : Stores.inMemoryKeyValueStore(name), keys, values);
        return stores == StoreKind.OFFLINE ? builder.withLoggingDisabled() : builder.withLoggingEnabled(CHANGELOG_CONFIGS);
    }

    /**
     * {@link #keyValueStore} with Kafka Streams' record cache when live: repeated writes of a key between two commits
     * reach RocksDB and the changelog once. For stores only their own processor reads and writes (reads see the
     * cache), and whose changelog nobody downstream consumes record by record. Replay keeps plain in-memory stores:
     * TopologyTestDriver commits after every record, so a cache would only add work there.
     */
    public <K, V> StoreBuilder<KeyValueStore<K, V>> cachedKeyValueStore(String name, Serde<K> keys, Serde<V> values) {
        StoreBuilder<KeyValueStore<K, V>> builder = keyValueStore(name, keys, values);
        return stores == StoreKind.OFFLINE ? builder : builder.withCachingEnabled();
    }
}
