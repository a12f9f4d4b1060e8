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
import org.caseflow.streams.topology.TopologySettings;

/**
 * The runtime configuration, built once at start-up ({@link ConfigLoader}: defaults → file → environment)
 * and validated as a whole against {@link ConfigDefinitions}: {@link #of} throws {@link InvalidConfigException}
 * listing every problem. Related keys are grouped in small records so that each user takes the group it needs.
 *
 * @param streams        the Kafka Streams instance: application id, state, threads, memory, metrics
 * @param topics         topic prefix, partitions, replication and retention
 * @param http           the HTTP API: host, port, tokens, security, live stream
 * @param clock          what drives deadlines and the work budgets of a punctuation
 * @param indicators     indicators, their export and the digests
 * @param connection     waiting for and watching the broker
 * @param seedsDir       the seed files ({@code caseflow.seeds})
 * @param engineSettings the domain's case engine settings ({@code caseflow.engine.*}), built here so the domain stays
 *                       free of configuration types
 * @param notifications  the {@code caseflow.notify.*} keys of {@code caseflow notify}
 * @param kafka pass-through Kafka client/Streams properties ({@code kafka.*} keys, {@code KAFKA_*}
 *              variables) without their prefix, e.g. {@code bootstrap.servers}
 */
public record CaseflowConfig(
        StreamsSettings streams,
        TopicSettings topics,
        HttpSettings http,
        ClockSettings clock,
        IndicatorSettings indicators,
        KafkaConnection connection,
        Path seedsDir,
        CaseEngine.Settings engineSettings,
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
                StreamsSettings.parse(c),
                TopicSettings.parse(c),
                HttpSettings.parse(c, problems),
                ClockSettings.parse(c),
                IndicatorSettings.parse(c),
                KafkaConnection.parse(c),
                c.path(ConfigKeys.SEEDS),
                engineSettings(c),
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

    private static CaseEngine.Settings engineSettings(DefinedConfig c) {
        return new CaseEngine.Settings(c.millis(ConfigKeys.ENGINE_ORPHAN_TIMEOUT_MS),
                c.integer(ConfigKeys.ENGINE_PRE_FILING_MAX_EVENTS),
                c.days(ConfigKeys.ENGINE_PERFORMANCE_OBSERVATION_DAYS),
                c.days(ConfigKeys.ENGINE_CLOSED_RETENTION_DAYS),
                c.integer(ConfigKeys.ENGINE_OVERDUE_REMINDER_DAYS),
                c.integer(ConfigKeys.ENGINE_ESCALATION_HIGHER_COURT_DAYS),
                ZoneId.of(c.text(ConfigKeys.ENGINE_DEFAULT_ZONE)));
    }

    public String bootstrapServers() {
        return kafka.get("bootstrap.servers");
    }

    /** What the topology needs: topic names, clock, indicator pacing and export; the grace only in event time. */
    public TopologySettings topologySettings() {
        return new TopologySettings(topics.names(), clock.mode(), clock.tickInterval(), clock.tickMaxTimers(),
                indicators.throttle(), indicators.refresh(),
                indicators.export()).withMaxEventAhead(clock.maxEventAhead())
                .withOrderGrace(clock.mode() == ClockMode.EVENT_TIME ? clock.orderGrace() : Duration.ZERO)
                .withBudgets(clock.workBudgets());
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
        streams.putSettings(s);
        topics.putSettings(s);
        http.putSettings(s);
        clock.putSettings(s);
        indicators.putSettings(s);
        connection.putSettings(s);
        s.put(ConfigKeys.SEEDS, seedsDir.toString());
        s.put(ConfigKeys.ENGINE_ORPHAN_TIMEOUT_MS, String.valueOf(engineSettings.orphanTimeout().toMillis()));
        s.put(ConfigKeys.ENGINE_PRE_FILING_MAX_EVENTS, String.valueOf(engineSettings.maxEventsBeforeFiling()));
        s.put(ConfigKeys.ENGINE_PERFORMANCE_OBSERVATION_DAYS, String.valueOf(engineSettings.performanceObservation().toDays()));
        s.put(ConfigKeys.ENGINE_CLOSED_RETENTION_DAYS, String.valueOf(engineSettings.closedRetention().toDays()));
        s.put(ConfigKeys.ENGINE_OVERDUE_REMINDER_DAYS, String.valueOf(engineSettings.overdueReminderDays()));
        s.put(ConfigKeys.ENGINE_ESCALATION_HIGHER_COURT_DAYS, String.valueOf(engineSettings.higherCourtAfterDays()));
        s.put(ConfigKeys.ENGINE_DEFAULT_ZONE, engineSettings.defaultZone().getId());
        notifications.write(s);
        kafka.forEach((k, v) -> s.put(ConfigKeys.KAFKA_PREFIX + k, v));
        return s;
    }

    /** A loggable one-line summary: no tokens, no Kafka credentials. */
    public String describe() {
        return String.format(Locale.ROOT,
                "application.id=%s bootstrap=%s (%s) topics prefix='%s' partitions=%d state=%s http=%s:%d advertised=%s clock=%s"
                        + " api=%s%s",
                streams.applicationId(), bootstrapServers(), KafkaSasl.describe(kafka), topics.prefix(), topics.partitions(),
                streams.stateDir(), http.host(), http.port(), http.applicationServer(), clock.mode(),
                http.security().tokenAuth() ? http.apiTokens().entries().size() + " tokens" : "OPEN (caseflow.http.auth=none)",
                http.security().tls() ? " https" : "");
    }
}
