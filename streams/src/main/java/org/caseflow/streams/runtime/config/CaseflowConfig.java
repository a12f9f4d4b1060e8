package org.caseflow.streams.runtime.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.caseflow.streams.topology.ClockMode;
import org.caseflow.streams.topology.IndicatorExport;
import org.caseflow.streams.topology.TopicNames;
import org.caseflow.streams.topology.TopologySettings;

/**
 * The runtime configuration, built once at start-up ({@link ConfigLoader}: defaults → file → environment)
 * and validated as a whole: {@link #of} throws {@link InvalidConfigException} listing every problem.
 *
 * @param kafka pass-through Kafka client/Streams properties ({@code kafka.*} keys, {@code KAFKA_*}
 *              variables) without their prefix, e.g. {@code bootstrap.servers}
 */
public record CaseflowConfig(
        String applicationId,
        String topicPrefix,
        int partitions,
        short replicationFactor,
        long inputRetentionMs,
        long outputRetentionMs,
        Path stateDir,
        String httpHost,
        int httpPort,
        String advertisedHost,
        ClockMode clockMode,
        Duration tickInterval,
        int tickMaxTimers,
        Path seedsDir,
        Duration maxEventAhead,
        Duration orderGrace,
        ApiTokens apiTokens,
        HttpSecurity httpSecurity,
        int indicatorExportLimit,
        IndicatorExport indicatorExport,
        String metricsRecordingLevel,
        int streamThreads,
        int maxThreadReplacements,
        Duration shutdownTimeout,
        long rocksdbMemoryBytes,
        long storeCacheBytes,
        Duration connectTimeout,
        Duration unreachableTimeout,
        long readinessMaxLag,
        Duration readinessCheckInterval,
        Duration sseHeartbeat,
        int sseReplayEvents,
        int digestTop,
        boolean digestsEnabled,
        NotifySettings notifications,
        Map<String, String> kafka) {

    public CaseflowConfig {
        kafka = Map.copyOf(kafka);
    }

    /** Builds from {@code caseflow.*} and {@code kafka.*} keys over the defaults; unknown caseflow keys are errors. */
    public static CaseflowConfig of(Map<String, String> settings) {
        Map<String, String> values = ConfigKeys.defaults();
        Map<String, String> kafka = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        settings.forEach((key, value) -> {
            if (key.startsWith(ConfigKeys.KAFKA_PREFIX)) {
                kafka.put(key.substring(ConfigKeys.KAFKA_PREFIX.length()), value);
            } else if (values.containsKey(key)) {
                values.put(key, value);
            } else {
                problems.add(key + ": unknown key (Caseflow keys start with 'caseflow.', Kafka ones with 'kafka.')"
                        + NearestName.suggestion(key, ConfigKeys.names()));
            }
        });
        KafkaSasl.apply(values, kafka, problems);
        ValueParser p = new ValueParser(values, problems);
        CaseflowConfig config = new CaseflowConfig(
                p.nonBlank(ConfigKeys.APPLICATION_ID),
                p.text(ConfigKeys.TOPIC_PREFIX),
                p.intIn(ConfigKeys.TOPIC_PARTITIONS, 1, 10_000),
                (short) p.intIn(ConfigKeys.TOPIC_REPLICATION, -1, Short.MAX_VALUE, 0),
                p.retention(ConfigKeys.TOPIC_RETENTION_INPUTS_MS),
                p.retention(ConfigKeys.TOPIC_RETENTION_OUTPUTS_MS),
                p.path(ConfigKeys.STATE_DIR),
                p.nonBlank(ConfigKeys.HTTP_HOST),
                p.intIn(ConfigKeys.HTTP_PORT, 1, 65_535),
                p.nonBlank(ConfigKeys.HTTP_ADVERTISED_HOST),
                p.enumValue(ConfigKeys.CLOCK_MODE, ClockMode.class, ClockMode.WALL_CLOCK),
                Duration.ofMillis(p.intIn(ConfigKeys.TICK_INTERVAL_MS, 10, 3_600_000)),
                p.intIn(ConfigKeys.TICK_MAX_TIMERS, 1, 10_000_000),
                p.path(ConfigKeys.SEEDS),
                Duration.ofMillis(p.longIn(ConfigKeys.EVENTS_MAX_AHEAD_MS, 0, 366L * 24 * 3600 * 1000)),
                Duration.ofMillis(p.intIn(ConfigKeys.EVENT_TIME_GRACE_MS, 0, 600_000)),
                ApiTokens.parse(ConfigKeys.API_TOKENS, values.get(ConfigKeys.API_TOKENS), problems),
                HttpSecurity.parse(p, values, problems),
                p.intIn(ConfigKeys.INDICATORS_EXPORT_LIMIT, 1, 1_000_000),
                IndicatorExportSetting.parse(values.get(ConfigKeys.INDICATORS_EXPORT_SCOPES),
                        values.get(ConfigKeys.INDICATORS_EXPORT_WINDOWS),
                        p.intIn(ConfigKeys.INDICATORS_EXPORT_MAX_SERIES, 0, 1_000_000), problems),
                p.oneOf(ConfigKeys.METRICS_RECORDING_LEVEL, List.of("INFO", "DEBUG", "TRACE")),
                p.intIn(ConfigKeys.STREAMS_THREADS, 1, 64),
                p.intIn(ConfigKeys.STREAMS_MAX_THREAD_REPLACEMENTS, 0, 1000),
                Duration.ofMillis(p.intIn(ConfigKeys.SHUTDOWN_TIMEOUT_MS, 0, 3_600_000)),
                p.longIn(ConfigKeys.ROCKSDB_MEMORY_BYTES, 8L << 20, 1L << 40),
                p.longIn(ConfigKeys.STORE_CACHE_BYTES, 0, 1L << 40),
                Duration.ofMillis(p.intIn(ConfigKeys.KAFKA_CONNECT_TIMEOUT_MS, 1_000, 600_000)),
                Duration.ofMillis(p.longIn(ConfigKeys.KAFKA_UNREACHABLE_TIMEOUT_MS, 0, 7L * 24 * 3_600_000)),
                p.longIn(ConfigKeys.READINESS_MAX_LAG, 0, 1_000_000_000_000L),
                Duration.ofMillis(p.intIn(ConfigKeys.READINESS_CHECK_INTERVAL_MS, 100, 600_000)),
                Duration.ofMillis(p.intIn(ConfigKeys.SSE_HEARTBEAT_MS, 100, 3_600_000)),
                p.intIn(ConfigKeys.SSE_REPLAY_EVENTS, 0, 1_000_000),
                p.intIn(ConfigKeys.DIGESTS_TOP, 0, 10_000),
                "TRUE".equals(p.oneOf(ConfigKeys.DIGESTS_ENABLED, List.of("TRUE", "FALSE"))),
                NotifySettings.parse(p, problems),
                kafka);
        String bootstrap = kafka.get("bootstrap.servers");
        if (bootstrap == null || bootstrap.isBlank()) {
            problems.add("kafka.bootstrap.servers: required (file key kafka.bootstrap.servers or env KAFKA_BOOTSTRAP_SERVERS)");
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return config;
    }

    public String bootstrapServers() {
        return kafka.get("bootstrap.servers");
    }

    public TopicNames topics() {
        return new TopicNames(topicPrefix);
    }

    public TopologySettings topologySettings() {
        return new TopologySettings(topics(), clockMode, tickInterval, tickMaxTimers,
                TopologySettings.DEFAULT_INDICATOR_THROTTLE, TopologySettings.DEFAULT_INDICATOR_REFRESH,
                indicatorExport).withMaxEventAhead(maxEventAhead)
                .withOrderGrace(clockMode == ClockMode.EVENT_TIME ? orderGrace : Duration.ZERO);
    }

    /** {@code host:port} other instances use to reach this one (Kafka Streams {@code application.server}). */
    public String applicationServer() {
        return advertisedHost + ":" + httpPort;
    }

    /** A copy with some keys changed, for the demo and tests (e.g. a port chosen at run time). */
    public CaseflowConfig with(Map<String, String> overrides) {
        Map<String, String> settings = new LinkedHashMap<>(asSettings());
        settings.putAll(overrides);
        return of(settings);
    }

    /** This configuration as keys again (secrets included: never log the result). */
    public Map<String, String> asSettings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put(ConfigKeys.APPLICATION_ID, applicationId);
        s.put(ConfigKeys.TOPIC_PREFIX, topicPrefix);
        s.put(ConfigKeys.TOPIC_PARTITIONS, String.valueOf(partitions));
        s.put(ConfigKeys.TOPIC_REPLICATION, String.valueOf(replicationFactor));
        s.put(ConfigKeys.TOPIC_RETENTION_INPUTS_MS, String.valueOf(inputRetentionMs));
        s.put(ConfigKeys.TOPIC_RETENTION_OUTPUTS_MS, String.valueOf(outputRetentionMs));
        s.put(ConfigKeys.STATE_DIR, stateDir.toString());
        s.put(ConfigKeys.HTTP_HOST, httpHost);
        s.put(ConfigKeys.HTTP_PORT, String.valueOf(httpPort));
        s.put(ConfigKeys.HTTP_ADVERTISED_HOST, advertisedHost);
        s.put(ConfigKeys.CLOCK_MODE, clockMode.name());
        s.put(ConfigKeys.TICK_INTERVAL_MS, String.valueOf(tickInterval.toMillis()));
        s.put(ConfigKeys.TICK_MAX_TIMERS, String.valueOf(tickMaxTimers));
        s.put(ConfigKeys.SEEDS, seedsDir.toString());
        s.put(ConfigKeys.EVENTS_MAX_AHEAD_MS, String.valueOf(maxEventAhead.toMillis()));
        s.put(ConfigKeys.EVENT_TIME_GRACE_MS, String.valueOf(orderGrace.toMillis()));
        s.put(ConfigKeys.API_TOKENS, apiTokens.written());
        httpSecurity.putSettings(s);
        s.put(ConfigKeys.INDICATORS_EXPORT_LIMIT, String.valueOf(indicatorExportLimit));
        s.put(ConfigKeys.INDICATORS_EXPORT_SCOPES, IndicatorExportSetting.scopesText(indicatorExport));
        s.put(ConfigKeys.INDICATORS_EXPORT_WINDOWS, IndicatorExportSetting.windowsText(indicatorExport));
        s.put(ConfigKeys.INDICATORS_EXPORT_MAX_SERIES, String.valueOf(indicatorExport.maxSeries()));
        s.put(ConfigKeys.METRICS_RECORDING_LEVEL, metricsRecordingLevel);
        s.put(ConfigKeys.STREAMS_THREADS, String.valueOf(streamThreads));
        s.put(ConfigKeys.STREAMS_MAX_THREAD_REPLACEMENTS, String.valueOf(maxThreadReplacements));
        s.put(ConfigKeys.SHUTDOWN_TIMEOUT_MS, String.valueOf(shutdownTimeout.toMillis()));
        s.put(ConfigKeys.ROCKSDB_MEMORY_BYTES, String.valueOf(rocksdbMemoryBytes));
        s.put(ConfigKeys.STORE_CACHE_BYTES, String.valueOf(storeCacheBytes));
        s.put(ConfigKeys.KAFKA_CONNECT_TIMEOUT_MS, String.valueOf(connectTimeout.toMillis()));
        s.put(ConfigKeys.KAFKA_UNREACHABLE_TIMEOUT_MS, String.valueOf(unreachableTimeout.toMillis()));
        s.put(ConfigKeys.READINESS_MAX_LAG, String.valueOf(readinessMaxLag));
        s.put(ConfigKeys.READINESS_CHECK_INTERVAL_MS, String.valueOf(readinessCheckInterval.toMillis()));
        s.put(ConfigKeys.SSE_HEARTBEAT_MS, String.valueOf(sseHeartbeat.toMillis()));
        s.put(ConfigKeys.SSE_REPLAY_EVENTS, String.valueOf(sseReplayEvents));
        s.put(ConfigKeys.DIGESTS_TOP, String.valueOf(digestTop));
        s.put(ConfigKeys.DIGESTS_ENABLED, String.valueOf(digestsEnabled));
        notifications.write(s);
        kafka.forEach((k, v) -> s.put(ConfigKeys.KAFKA_PREFIX + k, v));
        return s;
    }

    /** A loggable one-line summary: no tokens, no Kafka credentials. */
    public String describe() {
        return String.format(Locale.ROOT,
                "application.id=%s bootstrap=%s (%s) topics prefix='%s' partitions=%d state=%s http=%s:%d advertised=%s clock=%s"
                        + " api=%s%s",
                applicationId, bootstrapServers(), KafkaSasl.describe(kafka), topicPrefix, partitions, stateDir, httpHost, httpPort,
                applicationServer(), clockMode,
                httpSecurity.tokenAuth() ? apiTokens.entries().size() + " tokens" : "OPEN (caseflow.http.auth=none)",
                httpSecurity.tls() ? " https" : "");
    }
}
