package org.caseflow.streams.runtime.config;

import static org.apache.kafka.common.config.ConfigDef.Importance.HIGH;
import static org.apache.kafka.common.config.ConfigDef.Importance.LOW;
import static org.apache.kafka.common.config.ConfigDef.Importance.MEDIUM;
import static org.apache.kafka.common.config.ConfigDef.Type.BOOLEAN;
import static org.apache.kafka.common.config.ConfigDef.Type.INT;
import static org.apache.kafka.common.config.ConfigDef.Type.LONG;
import static org.apache.kafka.common.config.ConfigDef.Type.PASSWORD;
import static org.apache.kafka.common.config.ConfigDef.Type.STRING;
import static org.caseflow.streams.runtime.config.ConfigKeys.API_TOKENS;
import static org.caseflow.streams.runtime.config.ConfigKeys.APPLICATION_ID;
import static org.caseflow.streams.runtime.config.ConfigKeys.CLOCK_MODE;
import static org.caseflow.streams.runtime.config.ConfigKeys.DIGESTS_ENABLED;
import static org.caseflow.streams.runtime.config.ConfigKeys.DIGESTS_TOP;
import static org.caseflow.streams.runtime.config.ConfigKeys.ENGINE_CLOSED_RETENTION_DAYS;
import static org.caseflow.streams.runtime.config.ConfigKeys.ENGINE_DEFAULT_ZONE;
import static org.caseflow.streams.runtime.config.ConfigKeys.ENGINE_ESCALATION_HIGHER_COURT_DAYS;
import static org.caseflow.streams.runtime.config.ConfigKeys.ENGINE_ORPHAN_TIMEOUT_MS;
import static org.caseflow.streams.runtime.config.ConfigKeys.ENGINE_OVERDUE_REMINDER_DAYS;
import static org.caseflow.streams.runtime.config.ConfigKeys.ENGINE_PERFORMANCE_OBSERVATION_DAYS;
import static org.caseflow.streams.runtime.config.ConfigKeys.ENGINE_PRE_FILING_MAX_EVENTS;
import static org.caseflow.streams.runtime.config.ConfigKeys.EVENTS_MAX_AHEAD_MS;
import static org.caseflow.streams.runtime.config.ConfigKeys.EVENT_TIME_GRACE_MS;
import static org.caseflow.streams.runtime.config.ConfigKeys.HTTP_ADVERTISED_HOST;
import static org.caseflow.streams.runtime.config.ConfigKeys.HTTP_AUTH;
import static org.caseflow.streams.runtime.config.ConfigKeys.HTTP_HOST;
import static org.caseflow.streams.runtime.config.ConfigKeys.HTTP_PORT;
import static org.caseflow.streams.runtime.config.ConfigKeys.HTTP_SESSION_TTL_MS;
import static org.caseflow.streams.runtime.config.ConfigKeys.HTTP_TLS_CA;
import static org.caseflow.streams.runtime.config.ConfigKeys.HTTP_TLS_CERT;
import static org.caseflow.streams.runtime.config.ConfigKeys.HTTP_TLS_KEY;
import static org.caseflow.streams.runtime.config.ConfigKeys.HTTP_TLS_KEYSTORE;
import static org.caseflow.streams.runtime.config.ConfigKeys.HTTP_TLS_KEYSTORE_PASSWORD;
import static org.caseflow.streams.runtime.config.ConfigKeys.INDICATORS_EXPORT_LIMIT;
import static org.caseflow.streams.runtime.config.ConfigKeys.INDICATORS_EXPORT_MAX_SERIES;
import static org.caseflow.streams.runtime.config.ConfigKeys.INDICATORS_EXPORT_SCOPES;
import static org.caseflow.streams.runtime.config.ConfigKeys.INDICATORS_EXPORT_WINDOWS;
import static org.caseflow.streams.runtime.config.ConfigKeys.INDICATORS_FLUSH_BUDGET_MS;
import static org.caseflow.streams.runtime.config.ConfigKeys.INDICATORS_REFRESH_MS;
import static org.caseflow.streams.runtime.config.ConfigKeys.INDICATORS_THROTTLE_MS;
import static org.caseflow.streams.runtime.config.ConfigKeys.KAFKA_CONNECT_TIMEOUT_MS;
import static org.caseflow.streams.runtime.config.ConfigKeys.KAFKA_SASL_MECHANISM;
import static org.caseflow.streams.runtime.config.ConfigKeys.KAFKA_SASL_PASSWORD;
import static org.caseflow.streams.runtime.config.ConfigKeys.KAFKA_SASL_USERNAME;
import static org.caseflow.streams.runtime.config.ConfigKeys.KAFKA_UNREACHABLE_TIMEOUT_MS;
import static org.caseflow.streams.runtime.config.ConfigKeys.METRICS_RECORDING_LEVEL;
import static org.caseflow.streams.runtime.config.ConfigKeys.READINESS_CHECK_INTERVAL_MS;
import static org.caseflow.streams.runtime.config.ConfigKeys.READINESS_MAX_LAG;
import static org.caseflow.streams.runtime.config.ConfigKeys.ROCKSDB_MEMORY_BYTES;
import static org.caseflow.streams.runtime.config.ConfigKeys.SEEDS;
import static org.caseflow.streams.runtime.config.ConfigKeys.SHUTDOWN_TIMEOUT_MS;
import static org.caseflow.streams.runtime.config.ConfigKeys.SSE_HEARTBEAT_MS;
import static org.caseflow.streams.runtime.config.ConfigKeys.SSE_REPLAY_EVENTS;
import static org.caseflow.streams.runtime.config.ConfigKeys.STATE_DIR;
import static org.caseflow.streams.runtime.config.ConfigKeys.STORE_CACHE_BYTES;
import static org.caseflow.streams.runtime.config.ConfigKeys.STREAMS_MAX_THREAD_REPLACEMENTS;
import static org.caseflow.streams.runtime.config.ConfigKeys.STREAMS_THREADS;
import static org.caseflow.streams.runtime.config.ConfigKeys.TICK_BUDGET_MS;
import static org.caseflow.streams.runtime.config.ConfigKeys.TICK_INTERVAL_MS;
import static org.caseflow.streams.runtime.config.ConfigKeys.TICK_MAX_TIMERS;
import static org.caseflow.streams.runtime.config.ConfigKeys.TIMER_RETRY_MS;
import static org.caseflow.streams.runtime.config.ConfigKeys.TOPIC_PARTITIONS;
import static org.caseflow.streams.runtime.config.ConfigKeys.TOPIC_PREFIX;
import static org.caseflow.streams.runtime.config.ConfigKeys.TOPIC_REPLICATION;
import static org.caseflow.streams.runtime.config.ConfigKeys.TOPIC_RETENTION_INPUTS_MS;
import static org.caseflow.streams.runtime.config.ConfigKeys.TOPIC_RETENTION_OUTPUTS_MS;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * The one definition of every Caseflow key: type, default, validator, importance and meaning, as a Kafka
 * {@link ConfigDef}. {@link CaseflowConfig#of} validates against it, {@link DefinedConfig} reads typed values from it,
 * and {@link ConfigDocs} prints the key table of docs/operations.md from it (a test keeps the two equal). A key is
 * added here and nowhere else, apart from its name in {@link ConfigKeys} and its reader in {@link CaseflowConfig}.
 */
public final class ConfigDefinitions {
    /** How the default reads in the docs when its value alone would mislead (computed, empty with a meaning, units). */
    private static final Map<String, String> SHOWN_DEFAULTS = new LinkedHashMap<>();
    private static final ConfigDef DEFINITION = define();

    private ConfigDefinitions() {
    }

    public static ConfigDef definition() {
        return DEFINITION;
    }

    /** Every Caseflow key in definition order. */
    public static Set<String> names() {
        return Collections.unmodifiableSet(DEFINITION.configKeys().keySet());
    }

    /** The docs' default column for {@code key}, when it says more than the value. */
    static Optional<String> shownDefault(String key) {
        return Optional.ofNullable(SHOWN_DEFAULTS.get(key));
    }

    /**
     * Every problem of these values ({@code caseflow.*} keys only; a missing key takes its default), one
     * "key: reason" line each, so an operator fixes them all in one go instead of one per start.
     */
    static List<String> problems(Map<String, String> values) {
        List<String> problems = new ArrayList<>();
        for (ConfigDef.ConfigKey key : DEFINITION.configKeys().values()) {
            Object raw = values.containsKey(key.name) ? values.get(key.name) : key.defaultValue;
            Object parsed;
            try {
                parsed = ConfigDef.parseType(key.name, raw, key.type);
            } catch (ConfigException e) {
                String text = String.valueOf(raw).trim();
                problems.add(key.name + ": " + (key.type == BOOLEAN ? Validators.unparseableBoolean(text)
                        : key.validator instanceof Validators.Rule rule ? rule.unparseable(key.type, text)
                        : "must be of type " + key.type + ", got '" + text + "'"));
                continue;
            }
            if (key.validator instanceof Validators.Rule rule) {
                rule.check(key.name, parsed, problems);
            } else if (key.validator != null) {
                try {
                    key.validator.ensureValid(key.name, parsed);
                } catch (ConfigException e) {
                    problems.add(key.name + ": " + e.getMessage());
                }
            }
        }
        return problems;
    }

    /** The values with every key that has a problem set back to its default, so the rest can still be read. */
    static Map<String, String> withoutProblems(Map<String, String> values, List<String> problems) {
        Map<String, String> usable = new LinkedHashMap<>(values);
        problems.forEach(p -> usable.remove(p.substring(0, Math.max(0, p.indexOf(':')))));
        return usable;
    }

    private static ConfigDef define() {
        ConfigDef d = new ConfigDef();
        long day = 24L * 3_600_000;
        d.define(APPLICATION_ID, STRING, "caseflow", Validators.nonBlank(), HIGH,
                "Kafka Streams `application.id`: consumer group, prefix of internal topics and transactional ids");
        d.define(TOPIC_PREFIX, STRING, "", null, MEDIUM, "put in front of every topic name, e.g. `prod.`");
        d.define(TOPIC_PARTITIONS, INT, 6, Validators.between(1, 10_000), HIGH,
                "partitions of every topic (inputs and outputs alike: co-partitioned by caseId). Also the parallelism"
                        + " ceiling: at most this many stream threads do work");
        shown(TOPIC_REPLICATION, "`-1`");
        d.define(TOPIC_REPLICATION, INT, -1, Validators.betweenExcept(-1, Short.MAX_VALUE, 0), HIGH,
                "replication factor of Caseflow and internal topics; `-1` = the broker's `default.replication.factor`."
                        + " Use 3 in production");
        shown(TOPIC_RETENTION_INPUTS_MS, "`-1` (forever)");
        d.define(TOPIC_RETENTION_INPUTS_MS, LONG, -1L, Validators.retention(), MEDIUM,
                "retention of the input topics and of the internal topics the app reads back (case-links,"
                        + " indicator-deltas, lineage-facts, case-facts): the app's source of truth when state is rebuilt");
        shown(TOPIC_RETENTION_OUTPUTS_MS, "`2592000000` (30 days)");
        d.define(TOPIC_RETENTION_OUTPUTS_MS, LONG, 30 * day, Validators.retention(), MEDIUM,
                "retention of deadline-alerts and dead-letters (snapshots and indicators are compacted, no time"
                        + " retention). Output records carry event time: when replaying historical data through a live"
                        + " cluster, set `-1` or older alerts are deleted at once");
        d.define(STATE_DIR, STRING, "caseflow-state", Validators.path(), HIGH,
                "RocksDB state; keep it on a persistent volume so a restart does not replay changelogs");
        d.define(HTTP_HOST, STRING, "0.0.0.0", Validators.nonBlank(), MEDIUM,
                "HTTP bind address (`caseflow demo` listens on `127.0.0.1` unless `--http-host` says otherwise)");
        d.define(HTTP_PORT, INT, 8080, Validators.between(1, 65_535), MEDIUM, "HTTP port");
        d.define(HTTP_ADVERTISED_HOST, STRING, "localhost", Validators.nonBlank(), HIGH,
                "the host name other instances use for this one; becomes `application.server` = host:port. Must be set"
                        + " when running more than one instance");
        d.define(CLOCK_MODE, STRING, "WALL_CLOCK", Validators.oneOf("WALL_CLOCK", "EVENT_TIME"), MEDIUM,
                "`WALL_CLOCK` (live: thresholds crossed by the wall clock) or `EVENT_TIME` (simulation/replay)");
        d.define(TICK_INTERVAL_MS, INT, 200, Validators.between(10, 3_600_000), LOW,
                "how often due deadlines are checked (and, on event time, held records drained); one step each: a"
                        + " storm drains back to back");
        d.define(TICK_MAX_TIMERS, INT, 20_000, Validators.between(1, 10_000_000), LOW,
                "work bound per tick (a midnight storm is spread over ticks)");
        d.define(TICK_BUDGET_MS, INT, 500, Validators.between(10, 60_000), LOW,
                "most wall time one step of timer work (case timers, closing digests) takes before it leaves the rest"
                        + " to the next step; keep it well under `transaction.timeout.ms` and `max.poll.interval.ms`");
        d.define(INDICATORS_FLUSH_BUDGET_MS, INT, 500, Validators.between(10, 60_000), LOW,
                "most wall time one flush of the indicator processor takes once it has computed 1,000 periods (a"
                        + " small backlog is always flushed whole); the rest waits for the next flush");
        shown(TIMER_RETRY_MS, "`3600000` (1 h)");
        d.define(TIMER_RETRY_MS, LONG, 3_600_000L, Validators.between(1_000, day), LOW,
                "how much later a case timer whose evaluation failed is tried again (counted as `timer-failed` in"
                        + " `caseflow_dead_letters_total`), instead of in a hot loop");
        shown(ROCKSDB_MEMORY_BYTES, "`134217728` (128 MiB)");
        d.define(ROCKSDB_MEMORY_BYTES, LONG, 128L << 20, Validators.between(8L << 20, 1L << 40), MEDIUM,
                "off-heap memory all RocksDB stores of the instance share: one LRU block cache, write buffers charged"
                        + " to it (half at most), index and filter blocks cached with high priority, in 4 shards of the"
                        + " budget (RocksDB's default of 64 small shards let data blocks push a case store's index blocks"
                        + " out; `BoundedRocksDbMemory`). A read that misses it reads the file: an instance holding millions"
                        + " of open cases recomputes them faster after a calendar publication with more (docs/performance.md,"
                        + " \"Eighth session\"); raise the memory request with it");
        shown(STORE_CACHE_BYTES, "`33554432` (32 MiB)");
        d.define(STORE_CACHE_BYTES, LONG, 32L << 20, Validators.between(0, 1L << 40), LOW,
                "on-heap record cache of the stores (`statestore.cache.max.bytes`, split over stream threads):"
                        + " repeated writes of a key between commits reach RocksDB and the changelog once");
        shown(SEEDS, "the repository's `seeds/` when started with `./caseflow` (system property"
                + " `caseflow.seeds.default`), else `./seeds`");
        d.define(SEEDS, STRING, SeedsLocation.defaultRoot().toString(), Validators.path(), HIGH,
                "seed data folder (rules, calendars, courts, indicators)");
        shown(EVENTS_MAX_AHEAD_MS, "`86400000` (1 day)");
        d.define(EVENTS_MAX_AHEAD_MS, LONG, day, Validators.between(0, 366 * day), LOW,
                "on `WALL_CLOCK`, an event whose `occurredAt` is further ahead of the wall clock than this is"
                        + " dead-lettered (`ahead-of-clock`) instead of starting a case's clock early; the day covers"
                        + " producers whose clock or time zone is off. `EVENT_TIME` (replay, simulation) does not apply"
                        + " it. 0 to 366 days");
        d.define(EVENT_TIME_GRACE_MS, INT, 2_000, Validators.between(0, 600_000), LOW,
                "on `EVENT_TIME`, how long (wall clock) a record of a live or simulated feed (stamped no earlier than"
                        + " this before the wall clock) that moves a task's clock past a local midnight waits for an"
                        + " event input (filings, hearings, enforcement) that has delivered nothing at or after its"
                        + " time; older records (catching up) do not wait, and a producer further behind than this is"
                        + " late (`caseflow_events_late_total`). Records waiting are counted in"
                        + " `caseflow_events_order_held_total`. 0 to 600000; 0 turns the wait off. `WALL_CLOCK` does"
                        + " not use it");
        defineEngine(d, day);
        defineHttp(d);
        defineOperations(d);
        NotifySettings.define(d);
        return d;
    }

    /** The case engine's settings (domain {@code CaseEngine.Settings}) and the indicator pacing of the topology. */
    private static void defineEngine(ConfigDef d, long day) {
        shown(ENGINE_ORPHAN_TIMEOUT_MS, "`604800000` (7 days)");
        d.define(ENGINE_ORPHAN_TIMEOUT_MS, LONG, 7 * day, Validators.between(60_000, 366 * day), LOW,
                "how long events of a case never filed wait for its `CASE_FILED` before they are dead-lettered"
                        + " (`never-filed`). Live and replay must agree: give `caseflow replay` the same `--config`");
        d.define(ENGINE_PRE_FILING_MAX_EVENTS, INT, 100, Validators.between(1, 100_000), LOW,
                "most events one case may collect before its filing; more are dead-lettered (`too-many-before-filing`)");
        d.define(ENGINE_PERFORMANCE_OBSERVATION_DAYS, INT, 30, Validators.between(0, 3_650), LOW,
                "how many days after a judgment's performance due date an enforcement filing still counts against"
                        + " voluntary performance (`VOLUNTARY_PERFORMANCE_RATE`, 自动履行)");
        shown(ENGINE_CLOSED_RETENTION_DAYS, "`730` (2 years)");
        d.define(ENGINE_CLOSED_RETENTION_DAYS, INT, 730, Validators.between(1, 36_500), LOW,
                "how long a closed case's state is kept after its closing day: late events and duplicates are"
                        + " recognised meanwhile; afterwards the state is dropped (links to it fall back to the case"
                        + " number), so the store holds open cases plus a bounded tail");
        d.define(ENGINE_OVERDUE_REMINDER_DAYS, INT, 7, Validators.between(1, 366), MEDIUM,
                "days between the `OVERDUE` reminders of a breached case (DESIGN §5: 7), counted from the `BREACHED` day."
                        + " The reminder number is part of the alert id (`OVERDUE-n`): changing it renumbers the reminders"
                        + " of cases already overdue (consumers de-duplicating by id see new ids once), and live and"
                        + " replay must use the same value (`caseflow replay --config`)");
        d.define(ENGINE_ESCALATION_HIGHER_COURT_DAYS, INT, 30, Validators.between(0, 36_500), MEDIUM,
                "days overdue from which `OVERDUE` reminders also escalate to the higher court (`higher-court:` in"
                        + " `escalateTo`, the supervision chain of `seeds/courts`); judge, division chief and president"
                        + " are unchanged. Applies to reminders raised from then on; replay must use the same value");
        d.define(ENGINE_DEFAULT_ZONE, STRING, "Asia/Shanghai", Validators.zoneId(), MEDIUM,
                "time zone of a court that `seeds/courts` does not list (courts listed there keep their own `zone`):"
                        + " its thresholds fall at local midnight there. Also the zone of the day in `--as-of DATE`"
                        + " (replay), `--clock-tick` (produce), the report's month and the board's \"today\", and the only"
                        + " zone a court published live may have. Changing it moves the alerts of unlisted courts; live"
                        + " and replay must use the same value");
        d.define(INDICATORS_THROTTLE_MS, LONG, 5_000L, Validators.between(1, 3_600_000), LOW,
                "at most one `caseflow.indicators` update per indicator key per this interval");
        shown(INDICATORS_REFRESH_MS, "`900000` (15 min)");
        d.define(INDICATORS_REFRESH_MS, LONG, 900_000L, Validators.between(1_000, day), LOW,
                "how often the current period of every known scope is recomputed, so that point-in-time indicators"
                        + " (pending ages) move with the clock");
    }

    private static void defineHttp(ConfigDef d) {
        shown(API_TOKENS, "(empty: `run` refuses to start)");
        d.define(API_TOKENS, PASSWORD, "", Validators.text("token entries HASH:SCOPE[,SCOPE...][:EXPIRY]",
                Validators.parsedBy((text, problems) -> ApiTokens.parse(API_TOKENS, text, problems))), HIGH,
                "the **salted hashes** of the API tokens with their scopes, `HASH:SCOPE[,SCOPE...][:EXPIRY]` separated"
                        + " by `;` or line breaks, as `caseflow token new` prints them; a scope is a court code (the"
                        + " court and every court below it), `*` (every court) or `metrics`; EXPIRY an ISO date or"
                        + " instant. A token itself is refused ([security](security.md#tokens))");
        d.define(HTTP_AUTH, STRING, "token", Validators.oneOfDescribed("'token' or 'none'", "token", "none"), HIGH,
                "`none` turns authentication off (API, alert stream, `/metrics`): one WARN line at start says so. Only"
                        + " for a closed network; the demo on 127.0.0.1 uses it");
        shown(HTTP_SESSION_TTL_MS, "`28800000` (8 h)");
        d.define(HTTP_SESSION_TTL_MS, LONG, 8L * 3_600_000, Validators.between(60_000, 30L * 24 * 3_600_000), LOW,
                "most a login session of the page lasts (the token's expiry ends it sooner)");
        shown(HTTP_TLS_KEYSTORE, "(none: plain HTTP)");
        d.define(HTTP_TLS_KEYSTORE, STRING, "", Validators.optionalPath(), MEDIUM, "HTTPS from a PKCS12 key store");
        shown(HTTP_TLS_KEYSTORE_PASSWORD, "(none)");
        d.define(HTTP_TLS_KEYSTORE_PASSWORD, PASSWORD, "", null, MEDIUM, "password of that key store");
        shown(HTTP_TLS_CERT, "(none)");
        d.define(HTTP_TLS_CERT, STRING, "", Validators.optionalPath(), MEDIUM,
                "HTTPS from a PEM certificate chain (with `caseflow.http.tls.key`; instead of a key store)");
        shown(HTTP_TLS_KEY, "(none)");
        d.define(HTTP_TLS_KEY, STRING, "", Validators.optionalPath(), MEDIUM,
                "the unencrypted PKCS8 PEM key of `caseflow.http.tls.cert`");
        shown(HTTP_TLS_CA, "the JDK's CAs and our own chain");
        d.define(HTTP_TLS_CA, STRING, "", Validators.optionalPath(), MEDIUM,
                "PEM certificates peers' HTTPS certificates are checked against when queries are forwarded between"
                        + " instances");
        shown(KAFKA_SASL_USERNAME, "(none)");
        d.define(KAFKA_SASL_USERNAME, STRING, "", null, HIGH,
                "SCRAM login of the app (with `caseflow.kafka.sasl.password`): sets `security.protocol=SASL_SSL`,"
                        + " `sasl.mechanism` and `sasl.jaas.config` (explicit `kafka.*` values win). TLS trust and client"
                        + " certificates: `kafka.ssl.*` ([security](security.md#kafka))");
        shown(KAFKA_SASL_PASSWORD, "(none)");
        d.define(KAFKA_SASL_PASSWORD, PASSWORD, "", null, HIGH, "the password of `caseflow.kafka.sasl.username`");
        d.define(KAFKA_SASL_MECHANISM, STRING, KafkaSasl.MECHANISMS.get(0),
                Validators.oneOf(KafkaSasl.MECHANISMS.toArray(String[]::new)), MEDIUM, "or `SCRAM-SHA-256`");
    }

    private static void defineOperations(ConfigDef d) {
        d.define(INDICATORS_EXPORT_LIMIT, INT, 5_000, Validators.between(1, 1_000_000), LOW,
                "most indicator rows one API request returns (header `X-Caseflow-Truncated: true` when cut)");
        d.define(INDICATORS_EXPORT_SCOPES, STRING, "level:INTERMEDIATE", Validators.text("court codes and level:LEVEL",
                Validators.parsedBy((text, problems) -> IndicatorExportSetting.parse(text, "MONTH", 0, problems))), LOW,
                "courts whose indicators become Prometheus gauges (`caseflow_indicator`, alone and with their"
                        + " subordinates): court codes and `level:LEVEL` entries (`HIGH`, `INTERMEDIATE`, `BASIC`,"
                        + " `SUPREME`), comma-separated, e.g. `湘02,湘0211` or `level:INTERMEDIATE,湘0211`; `*` or empty ="
                        + " every court. The default is each city's intermediate court. The indicators topic and the API"
                        + " always carry every court ([Metrics budget](#metrics-budget))");
        d.define(INDICATORS_EXPORT_WINDOWS, STRING, "ROLLING_12M", Validators.text("windows",
                Validators.parsedBy((text, problems) -> IndicatorExportSetting.parse("*", text, 0, problems))), LOW,
                "windows exported as gauges, comma-separated: `MONTH`, `YEAR_TO_DATE`, `ROLLING_12M` (each one more"
                        + " costs as much again)");
        d.define(INDICATORS_EXPORT_MAX_SERIES, INT, 700, Validators.between(0, 1_000_000), LOW,
                "at most this many `caseflow_indicator` + `caseflow_indicator_previous_year` series per instance; past"
                        + " it no new series is registered and a WARN is logged once");
        d.define(METRICS_RECORDING_LEVEL, STRING, "INFO", Validators.oneOf("INFO", "DEBUG", "TRACE"), LOW,
                "Kafka Streams `metrics.recording.level`. At `INFO` Caseflow exports a chosen set of the Kafka client"
                        + " metrics ([Metrics budget](#metrics-budget)); `DEBUG` records and exports all of them: task,"
                        + " store, RocksDB and processor-node series, thousands more");
        d.define(STREAMS_THREADS, INT, 1, Validators.between(1, 64), MEDIUM, "stream threads per instance");
        d.define(STREAMS_MAX_THREAD_REPLACEMENTS, INT, 3, Validators.between(0, 1000), LOW,
                "a stream thread killed by an unexpected exception is replaced this many times over the life of the"
                        + " instance; then the instance shuts down (readiness fails, `run` exits 1)");
        d.define(SHUTDOWN_TIMEOUT_MS, INT, 30_000, Validators.between(0, 3_600_000), MEDIUM,
                "how long closing Kafka Streams may take; keep the orchestrator's grace period longer");
        d.define(KAFKA_CONNECT_TIMEOUT_MS, INT, 10_000, Validators.between(1_000, 600_000), MEDIUM,
                "how long every command waits for the cluster to answer its first request before it exits 1 naming the"
                        + " bootstrap servers (`--connect-timeout SECONDS` on `topics`, `produce`, `dead-letters`,"
                        + " `bench`); also the bound of each check of a running instance");
        shown(KAFKA_UNREACHABLE_TIMEOUT_MS, "`120000` (2 min; `0` = never)");
        d.define(KAFKA_UNREACHABLE_TIMEOUT_MS, LONG, 120_000L, Validators.between(0, 7L * 24 * 3_600_000), MEDIUM,
                "a running instance that has had no answer from Kafka for this long logs an ERROR and `caseflow run`"
                        + " exits 1, so the orchestrator restarts it or pages someone, instead of Kafka Streams retrying"
                        + " silently for ever");
        d.define(READINESS_MAX_LAG, LONG, 10_000L, Validators.between(0, 1_000_000_000_000L), MEDIUM,
                "most records the instance may be behind the end of its input partitions and still be ready"
                        + " ([readiness](#kafka-connection-and-readiness))");
        d.define(READINESS_CHECK_INTERVAL_MS, INT, 5_000, Validators.between(100, 600_000), LOW,
                "how often the instance checks that Kafka answers and measures its lag (also at once when Kafka"
                        + " Streams becomes RUNNING)");
        d.define(SSE_HEARTBEAT_MS, INT, 15_000, Validators.between(100, 3_600_000), LOW,
                "a comment line to every alert-stream client this often, so proxies and load balancers keep idle"
                        + " streams open (most close silent ones after 30–60 s)");
        d.define(SSE_REPLAY_EVENTS, INT, 10_000, Validators.between(0, 1_000_000), LOW,
                "last alerts kept in memory (≈ 1 KiB of heap each: 10 MiB at the default) for alert-stream clients that"
                        + " reconnect with `Last-Event-ID`");
        d.define(DIGESTS_TOP, INT, 20, Validators.between(0, 10_000), LOW,
                "overdue cases a digest lists, longest overdue first ([Digests](#digests))");
        d.define(DIGESTS_ENABLED, BOOLEAN, true, null, MEDIUM,
                "whether the app builds digests ([Digests](#digests)); `false` leaves the digest sub-topology out and"
                        + " the case processor's alerts go to the alerts topic only: each alert otherwise also costs its"
                        + " share of a digest-feed record per recipient (one per recipient per processing step) and of the"
                        + " entry-log record that keeps it, and the router's and digest tasks' turns on the stream thread"
                        + " (docs/performance.md, \"Fourteenth session\" and \"Fifteenth session\"). `GET /api/v1/digests`"
                        + " then answers 404");
    }

    /** Records how the docs show the default of {@code key} (see {@link #SHOWN_DEFAULTS}). */
    static void shown(String key, String text) {
        SHOWN_DEFAULTS.put(key, text);
    }
}
