package org.caseflow.streams.runtime.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.caseflow.streams.domain.cases.CaseEngine;
import org.caseflow.streams.topology.ClockMode;
import org.caseflow.streams.topology.IndicatorExport;
import org.caseflow.streams.topology.TopicNames;
import org.caseflow.streams.topology.TopologySettings;
import org.caseflow.streams.topology.WorkBudgets;

/**
 * The runtime configuration, built once at start-up ({@link ConfigLoader}: defaults → file → environment)
 * and validated as a whole against {@link ConfigDefinitions}: {@link #of} throws {@link InvalidConfigException}
 * listing every problem.
 *
 * @param engineSettings the domain's case engine settings ({@code caseflow.engine.*}), built here so the domain stays
 *                       free of configuration types
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
        CaseEngine.Settings engineSettings,
        Duration indicatorThrottle,
        Duration indicatorRefresh,
        WorkBudgets workBudgets,
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

    /**
     * Builds from {@code caseflow.*} and {@code kafka.*} keys over the defaults of {@link ConfigDefinitions}; unknown
     * caseflow keys are errors. Every problem is collected before it throws: a key that fails is read as its default
     * so that the checks of how keys combine still run.
     */
    public static CaseflowConfig of(Map<String, String> settings) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> kafka = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        settings.forEach((key, value) -> {
            if (key.startsWith(ConfigKeys.KAFKA_PREFIX)) {
                kafka.put(key.substring(ConfigKeys.KAFKA_PREFIX.length()), value);
            } else if (ConfigKeys.names().contains(key)) {
                values.put(key, value);
            } else {
                problems.add(key + ": unknown key (Caseflow keys start with 'caseflow.', Kafka ones with 'kafka.')"
                        + NearestName.suggestion(key, ConfigKeys.names()));
            }
        });
        List<String> invalid = ConfigDefinitions.problems(values);
        problems.addAll(invalid);
        Map<String, String> usable = ConfigDefinitions.withoutProblems(values, invalid);
        KafkaSasl.apply(usable, kafka, problems);
        DefinedConfig c = new DefinedConfig(usable);
        CaseflowConfig config = new CaseflowConfig(
                c.text(ConfigKeys.APPLICATION_ID),
                c.text(ConfigKeys.TOPIC_PREFIX),
                c.integer(ConfigKeys.TOPIC_PARTITIONS),
                (short) c.integer(ConfigKeys.TOPIC_REPLICATION),
                c.number(ConfigKeys.TOPIC_RETENTION_INPUTS_MS),
                c.number(ConfigKeys.TOPIC_RETENTION_OUTPUTS_MS),
                c.path(ConfigKeys.STATE_DIR),
                c.text(ConfigKeys.HTTP_HOST),
                c.integer(ConfigKeys.HTTP_PORT),
                c.text(ConfigKeys.HTTP_ADVERTISED_HOST),
                ClockMode.valueOf(c.upper(ConfigKeys.CLOCK_MODE)),
                c.millis(ConfigKeys.TICK_INTERVAL_MS),
                c.integer(ConfigKeys.TICK_MAX_TIMERS),
                c.path(ConfigKeys.SEEDS),
                c.millis(ConfigKeys.EVENTS_MAX_AHEAD_MS),
                c.millis(ConfigKeys.EVENT_TIME_GRACE_MS),
                new CaseEngine.Settings(c.millis(ConfigKeys.ENGINE_ORPHAN_TIMEOUT_MS),
                        c.integer(ConfigKeys.ENGINE_PRE_FILING_MAX_EVENTS),
                        c.days(ConfigKeys.ENGINE_PERFORMANCE_OBSERVATION_DAYS),
                        c.days(ConfigKeys.ENGINE_CLOSED_RETENTION_DAYS),
                        c.integer(ConfigKeys.ENGINE_OVERDUE_REMINDER_DAYS),
                        c.integer(ConfigKeys.ENGINE_ESCALATION_HIGHER_COURT_DAYS),
                        ZoneId.of(c.text(ConfigKeys.ENGINE_DEFAULT_ZONE))),
                c.millis(ConfigKeys.INDICATORS_THROTTLE_MS),
                c.millis(ConfigKeys.INDICATORS_REFRESH_MS),
                new WorkBudgets(c.millis(ConfigKeys.TICK_BUDGET_MS), c.millis(ConfigKeys.INDICATORS_FLUSH_BUDGET_MS),
                        c.millis(ConfigKeys.TIMER_RETRY_MS)),
                ApiTokens.parse(ConfigKeys.API_TOKENS, c.text(ConfigKeys.API_TOKENS), new ArrayList<>()),
                HttpSecurity.parse(c, problems),
                c.integer(ConfigKeys.INDICATORS_EXPORT_LIMIT),
                IndicatorExportSetting.parse(c.text(ConfigKeys.INDICATORS_EXPORT_SCOPES),
                        c.text(ConfigKeys.INDICATORS_EXPORT_WINDOWS),
                        c.integer(ConfigKeys.INDICATORS_EXPORT_MAX_SERIES), new ArrayList<>()),
                c.upper(ConfigKeys.METRICS_RECORDING_LEVEL),
                c.integer(ConfigKeys.STREAMS_THREADS),
                c.integer(ConfigKeys.STREAMS_MAX_THREAD_REPLACEMENTS),
                c.millis(ConfigKeys.SHUTDOWN_TIMEOUT_MS),
                c.number(ConfigKeys.ROCKSDB_MEMORY_BYTES),
                c.number(ConfigKeys.STORE_CACHE_BYTES),
                c.millis(ConfigKeys.KAFKA_CONNECT_TIMEOUT_MS),
                c.millis(ConfigKeys.KAFKA_UNREACHABLE_TIMEOUT_MS),
                c.number(ConfigKeys.READINESS_MAX_LAG),
                c.millis(ConfigKeys.READINESS_CHECK_INTERVAL_MS),
                c.millis(ConfigKeys.SSE_HEARTBEAT_MS),
                c.integer(ConfigKeys.SSE_REPLAY_EVENTS),
                c.integer(ConfigKeys.DIGESTS_TOP),
                c.flag(ConfigKeys.DIGESTS_ENABLED),
                NotifySettings.parse(c),
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
                indicatorThrottle, indicatorRefresh,
                indicatorExport).withMaxEventAhead(maxEventAhead)
                .withOrderGrace(clockMode == ClockMode.EVENT_TIME ? orderGrace : Duration.ZERO).withBudgets(workBudgets);
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
        s.put(ConfigKeys.ENGINE_ORPHAN_TIMEOUT_MS, String.valueOf(engineSettings.orphanTimeout().toMillis()));
        s.put(ConfigKeys.ENGINE_PRE_FILING_MAX_EVENTS, String.valueOf(engineSettings.maxEventsBeforeFiling()));
        s.put(ConfigKeys.ENGINE_PERFORMANCE_OBSERVATION_DAYS, String.valueOf(engineSettings.performanceObservation().toDays()));
        s.put(ConfigKeys.ENGINE_CLOSED_RETENTION_DAYS, String.valueOf(engineSettings.closedRetention().toDays()));
        s.put(ConfigKeys.ENGINE_OVERDUE_REMINDER_DAYS, String.valueOf(engineSettings.overdueReminderDays()));
        s.put(ConfigKeys.ENGINE_ESCALATION_HIGHER_COURT_DAYS, String.valueOf(engineSettings.higherCourtAfterDays()));
        s.put(ConfigKeys.ENGINE_DEFAULT_ZONE, engineSettings.defaultZone().getId());
        s.put(ConfigKeys.INDICATORS_THROTTLE_MS, String.valueOf(indicatorThrottle.toMillis()));
        s.put(ConfigKeys.INDICATORS_REFRESH_MS, String.valueOf(indicatorRefresh.toMillis()));
        s.put(ConfigKeys.TICK_BUDGET_MS, String.valueOf(workBudgets.tick().toMillis()));
        s.put(ConfigKeys.INDICATORS_FLUSH_BUDGET_MS, String.valueOf(workBudgets.flush().toMillis()));
        s.put(ConfigKeys.TIMER_RETRY_MS, String.valueOf(workBudgets.timerRetry().toMillis()));
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
