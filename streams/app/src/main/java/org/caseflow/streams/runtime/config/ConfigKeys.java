package org.caseflow.streams.runtime.config;

import java.util.Locale;
import java.util.Optional;

/**
 * The name of every Caseflow configuration key; type, default, validator and meaning are defined in
 * {@link ConfigDefinitions} (docs/operations.md prints them).
 * Environment variable {@code CASEFLOW_A_B} sets key {@code caseflow.a.b}; file keys {@code kafka.x.y}
 * and environment {@code KAFKA_X_Y} set the Kafka client/Streams property {@code x.y}.
 */
public final class ConfigKeys {
    public static final String APPLICATION_ID = "caseflow.application.id";
    public static final String TOPIC_PREFIX = "caseflow.topic.prefix";
    public static final String TOPIC_PARTITIONS = "caseflow.topic.partitions";
    public static final String TOPIC_REPLICATION = "caseflow.topic.replication";
    public static final String TOPIC_RETENTION_INPUTS_MS = "caseflow.topic.retention.inputs.ms";
    public static final String TOPIC_RETENTION_OUTPUTS_MS = "caseflow.topic.retention.outputs.ms";
    public static final String STATE_DIR = "caseflow.state.dir";
    public static final String HTTP_HOST = "caseflow.http.host";
    public static final String HTTP_PORT = "caseflow.http.port";
    public static final String HTTP_ADVERTISED_HOST = "caseflow.http.advertised.host";
    public static final String CLOCK_MODE = "caseflow.clock.mode";
    public static final String TICK_INTERVAL_MS = "caseflow.tick.interval.ms";
    public static final String TICK_MAX_TIMERS = "caseflow.tick.max.timers";
    public static final String SEEDS = "caseflow.seeds";
    /** On the wall clock, events whose occurredAt is further ahead of it than this are dead-lettered. */
    public static final String EVENTS_MAX_AHEAD_MS = "caseflow.events.max.ahead.ms";
    /** Event time: how long a record crossing a local midnight waits for a silent event input (OrderBarrier). */
    public static final String EVENT_TIME_GRACE_MS = "caseflow.event-time.grace.ms";
    public static final String API_TOKENS = "caseflow.api.tokens";
    /** {@code token} (default: the API needs a token, and the server refuses to start without one) or {@code none}. */
    public static final String HTTP_AUTH = "caseflow.http.auth";
    /** Most a login session (cookie) lasts; a token's own expiry ends it sooner. */
    public static final String HTTP_SESSION_TTL_MS = "caseflow.http.session.ttl.ms";
    /** HTTPS from a PKCS12 key store (with its password) ... */
    public static final String HTTP_TLS_KEYSTORE = "caseflow.http.tls.keystore";
    public static final String HTTP_TLS_KEYSTORE_PASSWORD = "caseflow.http.tls.keystore.password";
    /** ... or from a PEM certificate chain and its unencrypted PKCS8 PEM key. */
    public static final String HTTP_TLS_CERT = "caseflow.http.tls.cert";
    public static final String HTTP_TLS_KEY = "caseflow.http.tls.key";
    /** PEM certificates that peers' HTTPS certificates are checked against (default: the JDK's trusted CAs and our own). */
    public static final String HTTP_TLS_CA = "caseflow.http.tls.ca";
    /** Most indicator rows one API request returns. */
    public static final String INDICATORS_EXPORT_LIMIT = "caseflow.indicators.export.limit";
    /**
     * Courts whose indicators become Prometheus gauges: court codes and {@code level:LEVEL} entries, comma-separated;
     * {@code *} or empty = every court. The default, {@code level:INTERMEDIATE}, keeps the demo inside its budget.
     */
    public static final String INDICATORS_EXPORT_SCOPES = "caseflow.indicators.export.scopes";
    /** Windows whose indicators become gauges (comma-separated MONTH, YEAR_TO_DATE, ROLLING_12M). */
    public static final String INDICATORS_EXPORT_WINDOWS = "caseflow.indicators.export.windows";
    /** Most caseflow_indicator plus caseflow_indicator_previous_year series (a cardinality guard). */
    public static final String INDICATORS_EXPORT_MAX_SERIES = "caseflow.indicators.export.max.series";
    public static final String METRICS_RECORDING_LEVEL = "caseflow.metrics.recording.level";
    public static final String STREAMS_THREADS = "caseflow.streams.threads";
    public static final String STREAMS_MAX_THREAD_REPLACEMENTS = "caseflow.streams.max.thread.replacements";
    public static final String SHUTDOWN_TIMEOUT_MS = "caseflow.shutdown.timeout.ms";
    /** Off-heap memory every RocksDB store of the instance shares: block cache with the write buffers charged to it. */
    public static final String ROCKSDB_MEMORY_BYTES = "caseflow.rocksdb.memory.bytes";
    /** On-heap record cache of the stores (Kafka Streams' statestore.cache.max.bytes), split over stream threads. */
    public static final String STORE_CACHE_BYTES = "caseflow.store.cache.bytes";
    /** How long any command waits for the Kafka cluster to answer before it gives up, naming the servers. */
    public static final String KAFKA_CONNECT_TIMEOUT_MS = "caseflow.kafka.connect.timeout.ms";
    /** How long a running instance tolerates an unreachable cluster before {@code caseflow run} exits 1; 0 = forever. */
    public static final String KAFKA_UNREACHABLE_TIMEOUT_MS = "caseflow.kafka.unreachable.timeout.ms";
    /** Most records an instance may be behind the end of its input partitions and still report ready. */
    public static final String READINESS_MAX_LAG = "caseflow.readiness.max.lag";
    /** How often a running instance checks that Kafka answers and measures its input lag. */
    public static final String READINESS_CHECK_INTERVAL_MS = "caseflow.readiness.check.interval.ms";
    /** Interval of the comment line sent to idle alert-stream clients so proxies keep the connection open. */
    public static final String SSE_HEARTBEAT_MS = "caseflow.sse.heartbeat.ms";
    /** Alerts kept for alert-stream clients that reconnect with {@code Last-Event-ID}. */
    public static final String SSE_REPLAY_EVENTS = "caseflow.sse.replay.events";
    /** How many overdue cases a digest lists, longest overdue first (issue 9). */
    public static final String DIGESTS_TOP = "caseflow.digests.top";
    /** Whether the app builds digests (the digest sub-topology); off, the hot path does no digest work. */
    public static final String DIGESTS_ENABLED = "caseflow.digests.enabled";

    /** Case engine (domain {@code CaseEngine.Settings}): how long events wait for their case's filing, ... */
    public static final String ENGINE_ORPHAN_TIMEOUT_MS = "caseflow.engine.orphan.timeout.ms";
    /** ... and how many may wait. */
    public static final String ENGINE_PRE_FILING_MAX_EVENTS = "caseflow.engine.pre.filing.max.events";
    public static final String ENGINE_PERFORMANCE_OBSERVATION_DAYS = "caseflow.engine.performance.observation.days";
    public static final String ENGINE_CLOSED_RETENTION_DAYS = "caseflow.engine.closed.retention.days";
    /** Case engine: days between OVERDUE reminders, days overdue before the higher court hears, zone of unknown courts. */
    public static final String ENGINE_OVERDUE_REMINDER_DAYS = "caseflow.engine.overdue.reminder.days";
    public static final String ENGINE_ESCALATION_HIGHER_COURT_DAYS = "caseflow.engine.escalation.higher-court.days";
    public static final String ENGINE_DEFAULT_ZONE = "caseflow.engine.default.zone";
    /** Topology: at most one indicator update per key per this interval, and the refresh of current periods. */
    public static final String INDICATORS_THROTTLE_MS = "caseflow.indicators.throttle.ms";
    public static final String INDICATORS_REFRESH_MS = "caseflow.indicators.refresh.ms";
    /** Topology: wall-clock bounds of one step's timer work and indicator flush, and the retry of a failed timer. */
    public static final String TICK_BUDGET_MS = "caseflow.tick.budget.ms";
    public static final String INDICATORS_FLUSH_BUDGET_MS = "caseflow.indicators.flush.budget.ms";
    public static final String TIMER_RETRY_MS = "caseflow.timer.retry.ms";

    /** SCRAM user of the app in Kafka; with the password, sets security.protocol SASL_SSL and sasl.jaas.config. */
    public static final String KAFKA_SASL_USERNAME = "caseflow.kafka.sasl.username";
    /** A secret: give it as CASEFLOW_KAFKA_SASL_PASSWORD_FILE (a mounted secret file). */
    public static final String KAFKA_SASL_PASSWORD = "caseflow.kafka.sasl.password";
    public static final String KAFKA_SASL_MECHANISM = "caseflow.kafka.sasl.mechanism";
    /** {@code caseflow notify} (DESIGN.md section 9; parsed by {@link NotifySettings}). */
    public static final String NOTIFY_GROUP_ID = "caseflow.notify.group.id";
    public static final String NOTIFY_RECIPIENTS = "caseflow.notify.recipients";
    public static final String NOTIFY_WEBHOOK_URL = "caseflow.notify.webhook.url";
    public static final String NOTIFY_WEBHOOK_SECRET = "caseflow.notify.webhook.secret";
    public static final String NOTIFY_ALERTMANAGER_URL = "caseflow.notify.alertmanager.url";
    public static final String NOTIFY_ALERTMANAGER_RESEND_MS = "caseflow.notify.alertmanager.resend.ms";
    public static final String NOTIFY_HTTP_PORT = "caseflow.notify.http.port";
    public static final String NOTIFY_REQUEST_TIMEOUT_MS = "caseflow.notify.request.timeout.ms";
    public static final String NOTIFY_RETRY_INITIAL_MS = "caseflow.notify.retry.initial.ms";
    public static final String NOTIFY_RETRY_MAX_DELAY_MS = "caseflow.notify.retry.max.delay.ms";
    public static final String NOTIFY_RETRY_FOR_MS = "caseflow.notify.retry.for.ms";
    public static final String NOTIFY_BREAKER_FAILURES = "caseflow.notify.breaker.failures";
    public static final String NOTIFY_BREAKER_OPEN_MS = "caseflow.notify.breaker.open.ms";
    public static final String NOTIFY_MAX_IN_FLIGHT = "caseflow.notify.max.in.flight";
    public static final String NOTIFY_HTTP_CONNECTIONS = "caseflow.notify.http.connections";

    /** Prefix of pass-through Kafka properties in a configuration file. */
    public static final String KAFKA_PREFIX = "kafka.";

    private ConfigKeys() {
    }

    /**
     * The key an environment variable sets ({@code CASEFLOW_HTTP_PORT} → {@code caseflow.http.port}), empty
     * when the name is no Caseflow key: the loader refuses such variables (a typo) unless the launcher owns them
     * ({@code CASEFLOW_JAVA_OPTS}); the deploy files are checked against this in the tests.
     */
    public static Optional<String> forEnvironmentVariable(String name) {
        if (!name.startsWith("CASEFLOW_")) {
            return Optional.empty();
        }
        // Matched by the variable each key names, so keys with a '-' (caseflow.event-time.grace.ms) have one too.
        return names().stream().filter(key -> environmentVariable(key).equals(name)).findFirst();
    }

    /** {@code caseflow.http.port} → {@code CASEFLOW_HTTP_PORT}. */
    public static String environmentVariable(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** Every Caseflow key, for "did you mean" suggestions. */
    public static java.util.Set<String> names() {
        return ConfigDefinitions.names();
    }
}
