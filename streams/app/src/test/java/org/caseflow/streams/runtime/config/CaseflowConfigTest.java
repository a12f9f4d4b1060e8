package org.caseflow.streams.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.caseflow.streams.domain.courts.CourtId;
import org.caseflow.streams.domain.courts.CourtLevel;
import org.caseflow.streams.domain.indicators.Window;
import org.caseflow.streams.runtime.cli.CaseflowCli;
import org.caseflow.streams.topology.ClockMode;
import org.caseflow.streams.topology.IndicatorExport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseflowConfigTest {
    @TempDir
    Path dir;

    @Test
    void shouldApplyDefaultsThenFileThenEnvironment() throws Exception {
        Path file = dir.resolve("caseflow.properties");
        Files.writeString(file, """
                kafka.bootstrap.servers=file:9092
                caseflow.http.port=9000
                caseflow.topic.prefix=prod.
                """, StandardCharsets.UTF_8);

        CaseflowConfig config = ConfigLoader.load(file, Map.of(
                "CASEFLOW_HTTP_PORT", "9100",
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "CASEFLOW_JAVA_OPTS", "-Xmx1g",
                "KAFKA_HEAP_OPTS", "-Xmx1g"));

        assertThat(config.http().port()).isEqualTo(9100);
        assertThat(config.bootstrapServers()).isEqualTo("file:9092");
        assertThat(config.kafka()).containsEntry("security.protocol", "SASL_SSL").doesNotContainKey("heap.opts");
        assertThat(config.topics().names().caseFilings()).isEqualTo("prod.courts.case-filings");
        assertThat(config.streams().applicationId()).isEqualTo("caseflow");
        assertThat(config.clock().mode()).isEqualTo(ClockMode.WALL_CLOCK);
        assertThat(config.topics().partitions()).isEqualTo(6);
        assertThat(config.http().apiTokens().enabled()).isFalse();
    }

    @Test
    void shouldMapKafkaEnvironmentToBootstrapServers() {
        CaseflowConfig config = ConfigLoader.load(null, Map.of("KAFKA_BOOTSTRAP_SERVERS", "broker:9092"));
        assertThat(config.bootstrapServers()).isEqualTo("broker:9092");
    }

    @Test
    void shouldMapOnlyKnownCaseflowVariablesToKeys() {
        assertThat(ConfigKeys.forEnvironmentVariable("CASEFLOW_HTTP_ADVERTISED_HOST")).contains(ConfigKeys.HTTP_ADVERTISED_HOST);
        assertThat(ConfigKeys.forEnvironmentVariable("CASEFLOW_STATE_DIRECTORY")).isEmpty();
        assertThat(ConfigKeys.forEnvironmentVariable("CASEFLOW_JAVA_OPTS")).isEmpty();
        assertThat(ConfigKeys.forEnvironmentVariable("KAFKA_BOOTSTRAP_SERVERS")).isEmpty();
        CaseflowConfig config = ConfigLoader.load(null,
                Map.of("KAFKA_BOOTSTRAP_SERVERS", "k:9092", "CASEFLOW_HTTP_PORT", "9191", "CASEFLOW_JAVA_OPTS", "-Xmx1g"));
        assertThat(config.http().port()).isEqualTo(9191);
    }

    @Test
    void shouldRefuseAMisspeltVariableNamingTheNearestOne() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("KAFKA_BOOTSTRAP_SERVERS", "k:9092",
                "CASEFLOW_API_TOKEN", "x", "CASEFLOW_HTTP_PORTT", "1", "CASEFLOW_WHATEVER_ELSE_ENTIRELY", "1")))
                .isInstanceOf(InvalidConfigException.class)
                .satisfies(e -> assertThat(((InvalidConfigException) e).problems()).containsExactly(
                        "CASEFLOW_API_TOKEN: unknown variable; did you mean CASEFLOW_API_TOKENS?",
                        "CASEFLOW_HTTP_PORTT: unknown variable; did you mean CASEFLOW_HTTP_PORT?",
                        "CASEFLOW_WHATEVER_ELSE_ENTIRELY: unknown variable"));
        assertThatThrownBy(() -> CaseflowConfig.of(Map.of("kafka.bootstrap.servers", "b:9092", "caseflow.api.token", "x")))
                .hasMessageContaining("caseflow.api.token: unknown key (Caseflow keys start with 'caseflow.', Kafka ones with"
                        + " 'kafka.'); did you mean caseflow.api.tokens?");
    }

    @Test
    void shouldReadAVariableEndingInFileFromThatFile() throws Exception {
        String entry = TokenHash.of("a-token-of-the-operators-own", 1_000).written() + ":湘02";
        Path secret = dir.resolve("tokens");
        Files.writeString(secret, entry + "\n", StandardCharsets.UTF_8);
        Path jaas = dir.resolve("jaas");
        Files.writeString(jaas, "org.apache.kafka.common.security.scram.ScramLoginModule required;", StandardCharsets.UTF_8);
        CaseflowConfig config = ConfigLoader.load(null, Map.of("KAFKA_BOOTSTRAP_SERVERS", "k:9092",
                "CASEFLOW_API_TOKENS_FILE", secret.toString(), "KAFKA_SASL_JAAS_CONFIG_FILE", jaas.toString()));
        assertThat(config.http().apiTokens().entries()).hasSize(1);
        assertThat(config.kafka()).containsEntry("sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("KAFKA_BOOTSTRAP_SERVERS", "k:9092",
                "CASEFLOW_API_TOKENS_FILE", dir.resolve("absent").toString())))
                .hasMessageContaining("CASEFLOW_API_TOKENS_FILE: cannot read " + dir.resolve("absent"));
    }

    @Test
    void shouldDefaultTheKafkaChecksReadinessAndAlertStreamSettings() {
        CaseflowConfig config = CaseflowConfig.of(Map.of("kafka.bootstrap.servers", "broker:9092"));
        assertThat(config.connection().connectTimeout()).isEqualTo(java.time.Duration.ofSeconds(10));
        assertThat(config.connection().unreachableTimeout()).isEqualTo(java.time.Duration.ofMinutes(2));
        assertThat(config.connection().readinessMaxLag()).isEqualTo(10_000);
        assertThat(config.connection().readinessCheckInterval()).isEqualTo(java.time.Duration.ofSeconds(5));
        assertThat(config.http().sseHeartbeat()).isEqualTo(java.time.Duration.ofSeconds(15));
        assertThat(config.http().sseReplayEvents()).isEqualTo(10_000);
        assertThat(CaseflowConfig.of(config.asSettings())).isEqualTo(config);
    }

    @Test
    void shouldReadTheKafkaChecksFromTheEnvironmentAndRefuseNonsense() {
        CaseflowConfig config = ConfigLoader.load(null, Map.of("KAFKA_BOOTSTRAP_SERVERS", "broker:9092",
                "CASEFLOW_KAFKA_CONNECT_TIMEOUT_MS", "3000", "CASEFLOW_KAFKA_UNREACHABLE_TIMEOUT_MS", "0",
                "CASEFLOW_READINESS_MAX_LAG", "250000"));
        assertThat(config.connection().connectTimeout().toMillis()).isEqualTo(3000);
        assertThat(config.connection().unreachableTimeout()).isZero();
        assertThat(config.connection().readinessMaxLag()).isEqualTo(250_000);
        assertThatThrownBy(() -> CaseflowConfig.of(Map.of("kafka.bootstrap.servers", "b:9092",
                "caseflow.kafka.connect.timeout.ms", "50", "caseflow.readiness.max.lag", "-1",
                "caseflow.sse.heartbeat.ms", "often")))
                .isInstanceOf(InvalidConfigException.class)
                .satisfies(e -> assertThat(((InvalidConfigException) e).problems()).containsExactlyInAnyOrder(
                        "caseflow.kafka.connect.timeout.ms: must be 1000..600000, got 50",
                        "caseflow.readiness.max.lag: must be 0..1000000000000, got -1",
                        "caseflow.sse.heartbeat.ms: must be an integer in 100..3600000, got 'often'"));
    }

    @Test
    void shouldListEveryProblemAtOnce() {
        assertThatThrownBy(() -> CaseflowConfig.of(Map.of(
                "caseflow.http.port", "99999",
                "caseflow.clock.mode", "SUNDIAL",
                "caseflow.topic.partitions", "many",
                "caseflow.http.prot", "8080")))
                .isInstanceOf(InvalidConfigException.class)
                .satisfies(e -> assertThat(((InvalidConfigException) e).problems()).containsExactlyInAnyOrder(
                        "caseflow.http.port: must be 1..65535, got 99999",
                        "caseflow.clock.mode: must be one of [WALL_CLOCK, EVENT_TIME], got 'SUNDIAL'",
                        "caseflow.topic.partitions: must be an integer in 1..10000, got 'many'",
                        "caseflow.http.prot: unknown key (Caseflow keys start with 'caseflow.', Kafka ones with 'kafka.');"
                                + " did you mean caseflow.http.port?",
                        "kafka.bootstrap.servers: required (file key kafka.bootstrap.servers or env KAFKA_BOOTSTRAP_SERVERS)"));
    }

    @Test
    void shouldGiveTheTopologyHowFarAheadOfTheWallClockAnEventMayBe() {
        assertThat(ConfigLoader.load(null, Map.of("KAFKA_BOOTSTRAP_SERVERS", "b:9092")).topologySettings()
                .maxEventAhead()).isEqualTo(Duration.ofDays(1));
        CaseflowConfig config = ConfigLoader.load(null, Map.of("KAFKA_BOOTSTRAP_SERVERS", "b:9092",
                "CASEFLOW_EVENTS_MAX_AHEAD_MS", "3600000"));
        assertThat(config.topologySettings().maxEventAhead()).isEqualTo(Duration.ofHours(1));
        assertThat(config.with(Map.of()).clock().maxEventAhead()).isEqualTo(Duration.ofHours(1));
        assertThatThrownBy(() -> CaseflowConfig.of(Map.of("kafka.bootstrap.servers", "b:9092",
                "caseflow.events.max.ahead.ms", "-1")))
                .hasMessageContaining("caseflow.events.max.ahead.ms: must be");
    }

    @Test
    void shouldHoldTokensAsSaltedHashesWithTheirScopesAndExpiry() {
        String token = TokenHash.newToken();
        TokenHash hash = TokenHash.of(token, 1_000);
        CaseflowConfig config = CaseflowConfig.of(Map.of("kafka.bootstrap.servers", "b:9092",
                "caseflow.api.tokens", hash.written() + ":湘02,湘0211; " + TokenHash.of("another-token-1234", 1_000).written()
                        + ":*,metrics:2027-01-31"));
        ApiTokens tokens = config.http().apiTokens();
        assertThat(tokens.entries()).hasSize(2);
        assertThat(tokens.entries().get(0).scopes()).containsExactlyInAnyOrder("湘02", "湘0211");
        assertThat(tokens.entries().get(0).hash().matches(token)).isTrue();
        assertThat(tokens.entries().get(0).hash().matches(token + "x")).isFalse();
        assertThat(tokens.entries().get(0).mayReadMetrics()).isFalse();
        assertThat(tokens.entries().get(1).expiresAt()).isEqualTo(java.time.Instant.parse("2027-01-31T00:00:00Z"));
        assertThat(tokens.entries().get(1).mayReadMetrics()).isTrue();
        assertThat(config.describe()).doesNotContain(hash.written()).contains("2 tokens");
        assertThat(config.with(Map.of()).http().apiTokens().entries().get(0).hash().matches(token)).isTrue();
        // Two hashes of one token differ (random salt), and the written form carries no token.
        assertThat(TokenHash.of(token, 1_000).written()).isNotEqualTo(hash.written()).doesNotContain(token.substring(13));
    }

    @Test
    void shouldRefuseAPlainTokenOrAnEntryWithoutScope() {
        assertThatThrownBy(() -> CaseflowConfig.of(Map.of("kafka.bootstrap.servers", "b:9092",
                "caseflow.api.tokens", "change-me-supervision:*")))
                .hasMessageContaining("caseflow.api.tokens: entry 1 is not a token hash")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("change-me"));
        assertThatThrownBy(() -> CaseflowConfig.of(Map.of("kafka.bootstrap.servers", "b:9092",
                "caseflow.api.tokens", TokenHash.of("some-token-123456", 1_000).written())))
                .hasMessageContaining("caseflow.api.tokens: entry 1 has no scope");
        assertThatThrownBy(() -> CaseflowConfig.of(Map.of("kafka.bootstrap.servers", "b:9092",
                "caseflow.api.tokens", TokenHash.of("some-token-123456", 1_000).written() + ":*:next-week")))
                .hasMessageContaining("caseflow.api.tokens: entry 1: expiry must be an ISO date");
        assertThatThrownBy(() -> CaseflowConfig.of(Map.of("kafka.bootstrap.servers", "b:9092", "caseflow.http.auth", "off")))
                .hasMessageContaining("caseflow.http.auth: must be 'token' or 'none', got 'off'");
    }

    @Test
    void shouldRefuseToRunWithoutTokensUnlessAuthIsTurnedOffExplicitly() throws Exception {
        Path file = dir.resolve("open.properties");
        Files.writeString(file, "kafka.bootstrap.servers=localhost:1\n", StandardCharsets.UTF_8);
        String err = runCapturingErr(file);
        assertThat(err).contains("caseflow.api.tokens: no tokens, so nobody could use the API",
                "caseflow token new", "caseflow.http.auth=none");
        Files.writeString(file, "kafka.bootstrap.servers=localhost:1\ncaseflow.api.tokens="
                + TokenHash.of("some-token-123456", 1_000).written() + ":湘9\n", StandardCharsets.UTF_8);
        assertThat(runCapturingErr(file)).contains("caseflow.api.tokens: entry 1: unknown court '湘9'; did you mean 湘?");
    }

    private static String runCapturingErr(Path file) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            assertThat(CaseflowCli.execute("run", "--config", file.toString())).isEqualTo(2);
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldRefuseToRunWithBadConfigAndExitTwo() throws Exception {
        Path file = dir.resolve("bad.properties");
        Files.writeString(file, "kafka.bootstrap.servers=localhost:1\ncaseflow.http.port=99999\n", StandardCharsets.UTF_8);
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exit = CaseflowCli.execute("run", "--config", file.toString());
        } finally {
            System.setErr(original);
        }
        assertThat(exit).isEqualTo(2);
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("caseflow.http.port: must be 1..65535, got 99999");
    }

    @Test
    void shouldRefuseMissingConfigFileWithExitTwo() {
        assertThat(CaseflowCli.execute("run", "--config", dir.resolve("absent.properties").toString())).isEqualTo(2);
    }

    @Test
    void shouldLimitIndicatorGaugesToTheConfiguredCourtsLevelsAndWindows() {
        CaseflowConfig config = CaseflowConfig.of(Map.of("kafka.bootstrap.servers", "b:9092",
                "caseflow.indicators.export.scopes", " 湘02, 湘0211 ,level:basic",
                "caseflow.indicators.export.windows", "MONTH, YEAR_TO_DATE",
                "caseflow.indicators.export.max.series", "120"));

        IndicatorExport export = config.topologySettings().indicatorExport();
        assertThat(export.courts()).containsExactlyInAnyOrder(new CourtId("湘02"), new CourtId("湘0211"));
        assertThat(export.levels()).containsExactly(CourtLevel.BASIC);
        assertThat(export.windows()).containsExactlyInAnyOrder(Window.MONTH, Window.YEAR_TO_DATE);
        assertThat(export.maxSeries()).isEqualTo(120);
        assertThat(config.with(Map.of()).indicators().export()).as("written back as keys and read again").isEqualTo(export);
    }

    @Test
    void shouldExportTheIntermediateCourtsOverTwelveMonthsByDefaultAndEveryCourtWhenAsked() {
        IndicatorExport byDefault = CaseflowConfig.of(Map.of("kafka.bootstrap.servers", "b:9092"))
                .indicators().export();
        assertThat(byDefault.levels()).containsExactly(CourtLevel.INTERMEDIATE);
        assertThat(byDefault.courts()).isEmpty();
        assertThat(byDefault.windows()).containsExactly(Window.ROLLING_12M);
        for (String every : new String[] {"*", ""}) {
            IndicatorExport all = CaseflowConfig.of(Map.of("kafka.bootstrap.servers", "b:9092",
                    "caseflow.indicators.export.scopes", every)).indicators().export();
            assertThat(all.courts()).as("'%s' = every court", every).isEmpty();
            assertThat(all.levels()).as("'%s' = every court", every).isEmpty();
        }
    }

    @Test
    void shouldRefuseUnknownLevelsAndWindowsForIndicatorGauges() {
        assertThatThrownBy(() -> CaseflowConfig.of(Map.of("kafka.bootstrap.servers", "b:9092",
                "caseflow.indicators.export.scopes", "level:CITY",
                "caseflow.indicators.export.windows", "WEEK")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("caseflow.indicators.export.scopes: unknown court level 'CITY'")
                .hasMessageContaining("caseflow.indicators.export.windows: unknown window 'WEEK'");
    }
}
