package org.caseflow.streams.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.caseflow.streams.domain.cases.CaseEngine;
import org.caseflow.streams.runtime.app.CompositionRoot;
import org.caseflow.streams.topology.DigestSettings;
import org.caseflow.streams.topology.TopologySettings;
import org.caseflow.streams.topology.WorkBudgets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigDefinitionsTest {
    private static final Map<String, String> BOOTSTRAP = Map.of("kafka.bootstrap.servers", "b:9092");

    @TempDir
    Path dir;

    @Test
    void shouldDefineEveryKeyWithTypeDefaultImportanceAndMeaning() {
        ConfigDef definition = ConfigDefinitions.definition();
        assertThat(definition.names()).hasSameElementsAs(ConfigKeys.names()).hasSizeGreaterThan(60);
        for (ConfigDef.ConfigKey key : definition.configKeys().values()) {
            assertThat(key.name).startsWith("caseflow.");
            assertThat(key.hasDefault()).as(key.name).isTrue();
            assertThat(key.importance).as(key.name).isNotNull();
            assertThat(key.documentation).as(key.name).isNotBlank();
            assertThat(ConfigDefinitions.problems(Map.of())).as("every default is valid").isEmpty();
        }
        assertThat(definition.configKeys().get(ConfigKeys.HTTP_PORT).type).isEqualTo(ConfigDef.Type.INT);
        assertThat(definition.configKeys().get(ConfigKeys.READINESS_MAX_LAG).type).isEqualTo(ConfigDef.Type.LONG);
        assertThat(definition.configKeys().get(ConfigKeys.DIGESTS_ENABLED).type).isEqualTo(ConfigDef.Type.BOOLEAN);
        assertThat(definition.configKeys().get(ConfigKeys.API_TOKENS).type).as("never printed by Kafka's config logging")
                .isEqualTo(ConfigDef.Type.PASSWORD);
    }

    @Test
    void shouldDefaultTheEngineAndTopologySettingsToTheFormerConstants() {
        CaseflowConfig config = CaseflowConfig.of(BOOTSTRAP);
        assertThat(config.engineSettings()).isEqualTo(CaseEngine.Settings.defaults());
        TopologySettings settings = config.topologySettings();
        TopologySettings former = TopologySettings.defaults();
        assertThat(settings.tickInterval()).isEqualTo(former.tickInterval());
        assertThat(settings.tickMaxTimers()).isEqualTo(former.tickMaxTimers());
        assertThat(settings.indicatorThrottle()).isEqualTo(TopologySettings.DEFAULT_INDICATOR_THROTTLE);
        assertThat(settings.indicatorRefresh()).isEqualTo(TopologySettings.DEFAULT_INDICATOR_REFRESH);
        assertThat(settings.maxEventAhead()).isEqualTo(TopologySettings.DEFAULT_MAX_EVENT_AHEAD);
        assertThat(settings.clockMode()).isEqualTo(former.clockMode());
        assertThat(settings.topics()).isEqualTo(former.topics());
        assertThat(settings.budgets()).isEqualTo(WorkBudgets.DEFAULT).isEqualTo(former.budgets());
        assertThat(WorkBudgets.DEFAULT.tick()).isEqualTo(Duration.ofMillis(500));
        assertThat(WorkBudgets.DEFAULT.flush()).isEqualTo(Duration.ofMillis(500));
        assertThat(WorkBudgets.DEFAULT.timerRetry()).isEqualTo(Duration.ofHours(1));
        assertThat(new CompositionRoot(config, null).offlineDigestSettings()).as("replay's digests as before")
                .isEqualTo(DigestSettings.DEFAULT);
    }

    @Test
    void shouldValidateWithKafkasValidatorsInTheOperatorsWords() {
        ConfigDef.Validator port = ConfigDefinitions.definition().configKeys().get(ConfigKeys.HTTP_PORT).validator;
        assertThatThrownBy(() -> port.ensureValid(ConfigKeys.HTTP_PORT, 0)).isInstanceOf(ConfigException.class)
                .hasMessage("caseflow.http.port: must be 1..65535, got 0");
        assertThat(ConfigDefinitions.problems(Map.of(
                ConfigKeys.TOPIC_REPLICATION, "0",
                ConfigKeys.TOPIC_RETENTION_INPUTS_MS, "0",
                ConfigKeys.DIGESTS_ENABLED, "perhaps",
                ConfigKeys.STATE_DIR, " ",
                ConfigKeys.NOTIFY_WEBHOOK_URL, "ftp://x",
                ConfigKeys.METRICS_RECORDING_LEVEL, "debug",
                ConfigKeys.ENGINE_ORPHAN_TIMEOUT_MS, "soon"))).containsExactlyInAnyOrder(
                "caseflow.topic.replication: must be -1..32767 except 0, got 0",
                "caseflow.topic.retention.inputs.ms: must be -1 (forever) or a positive number of milliseconds, got 0",
                "caseflow.digests.enabled: must be true or false, got 'perhaps'",
                "caseflow.state.dir: must not be empty",
                "caseflow.notify.webhook.url: must be an http:// or https:// URL, got 'ftp://x'",
                "caseflow.engine.orphan.timeout.ms: must be a whole number in 60000..31622400000, got 'soon'");
    }

    @Test
    void shouldRefuseEngineValuesThatCannotWorkNamingTheKeyAndWhy() {
        assertThat(ConfigDefinitions.problems(Map.of(
                ConfigKeys.ENGINE_OVERDUE_REMINDER_DAYS, "0",
                ConfigKeys.ENGINE_ESCALATION_HIGHER_COURT_DAYS, "-1",
                ConfigKeys.ENGINE_DEFAULT_ZONE, "Hunan/Zhuzhou"))).satisfiesExactlyInAnyOrder(
                p -> assertThat(p).isEqualTo("caseflow.engine.overdue.reminder.days: must be 1..366, got 0"),
                p -> assertThat(p).isEqualTo("caseflow.engine.escalation.higher-court.days: must be 0..36500, got -1"),
                p -> assertThat(p).startsWith("caseflow.engine.default.zone: must be a time zone id such as"
                        + " Asia/Shanghai, got 'Hunan/Zhuzhou'"));
        assertThat(ConfigDefinitions.problems(Map.of(ConfigKeys.ENGINE_OVERDUE_REMINDER_DAYS, "weekly"))).containsExactly(
                "caseflow.engine.overdue.reminder.days: must be an integer in 1..366, got 'weekly'");
        assertThat(ConfigDefinitions.problems(Map.of(ConfigKeys.ENGINE_DEFAULT_ZONE, "UTC",
                ConfigKeys.ENGINE_OVERDUE_REMINDER_DAYS, "1", ConfigKeys.ENGINE_ESCALATION_HIGHER_COURT_DAYS, "0")))
                .isEmpty();
    }

    @Test
    void shouldGiveTheReminderEscalationAndZoneOfTheFileAndTheEnvironmentToTheEngineLiveAndOffline() throws Exception {
        Path file = dir.resolve("engine.properties");
        Files.writeString(file, "kafka.bootstrap.servers=k:9092\ncaseflow.engine.overdue.reminder.days=3\n"
                + "caseflow.engine.default.zone=Asia/Urumqi\n", StandardCharsets.UTF_8);

        CaseEngine.Settings live = CompositionRoot.of(ConfigLoader.load(file, Map.of(
                "CASEFLOW_ENGINE_ESCALATION_HIGHER_COURT_DAYS", "14"))).engineSettings();
        assertThat(live.overdueReminderDays()).isEqualTo(3);
        assertThat(live.higherCourtAfterDays()).as("from the environment (the dash becomes _)").isEqualTo(14);
        assertThat(live.defaultZone()).isEqualTo(java.time.ZoneId.of("Asia/Urumqi"));
        assertThat(live.thresholdDays().reminderDays()).as("the index scan steps as the alerts do").isEqualTo(3);

        CaseEngine.Settings offline = CompositionRoot.offline(file, Map.of(), null).engineSettings();
        assertThat(offline.overdueReminderDays()).as("replay --config reads the same keys").isEqualTo(3);
        assertThat(offline.defaultZone()).isEqualTo(java.time.ZoneId.of("Asia/Urumqi"));
        assertThat(offline.higherCourtAfterDays()).as("not in the file: the default").isEqualTo(30);
    }

    @Test
    void shouldListEveryBadValueAndStillCheckHowTheOthersCombine() {
        assertThatThrownBy(() -> CaseflowConfig.of(Map.of("kafka.bootstrap.servers", "b:9092",
                ConfigKeys.HTTP_PORT, "x", ConfigKeys.HTTP_TLS_CERT, "/tls/cert.pem")))
                .isInstanceOf(InvalidConfigException.class)
                .satisfies(e -> assertThat(((InvalidConfigException) e).problems()).containsExactlyInAnyOrder(
                        "caseflow.http.port: must be an integer in 1..65535, got 'x'",
                        "caseflow.http.tls.key: required with caseflow.http.tls.cert"));
    }

    @Test
    void shouldGiveTheOrphanTimeoutOfTheFileAndTheEnvironmentToTheEngine() throws Exception {
        Path file = dir.resolve("caseflow.properties");
        Files.writeString(file, "kafka.bootstrap.servers=k:9092\ncaseflow.engine.orphan.timeout.ms=3600000\n"
                + "caseflow.engine.closed.retention.days=365\n", StandardCharsets.UTF_8);

        CaseEngine fromFile = CompositionRoot.of(ConfigLoader.load(file, Map.of())).engine();
        assertThat(fromFile.settings().orphanTimeout()).isEqualTo(Duration.ofHours(1));
        assertThat(fromFile.settings().closedRetention()).isEqualTo(Duration.ofDays(365));
        assertThat(fromFile.settings().maxEventsBeforeFiling()).isEqualTo(100);

        CaseEngine fromEnvironment = CompositionRoot.of(ConfigLoader.load(file, Map.of(
                "CASEFLOW_ENGINE_ORPHAN_TIMEOUT_MS", "7200000", "CASEFLOW_ENGINE_PRE_FILING_MAX_EVENTS", "5"))).engine();
        assertThat(fromEnvironment.settings().orphanTimeout()).as("the environment wins over the file")
                .isEqualTo(Duration.ofHours(2));
        assertThat(fromEnvironment.settings().maxEventsBeforeFiling()).isEqualTo(5);
        assertThat(fromEnvironment.settings().closedRetention()).isEqualTo(Duration.ofDays(365));

        CompositionRoot offline = CompositionRoot.offline(file, Map.of("CASEFLOW_INDICATORS_THROTTLE_MS", "250"), null);
        assertThat(offline.engine().settings().orphanTimeout()).as("replay reads the same file").isEqualTo(Duration.ofHours(1));
        assertThat(offline.offlineTopologySettings().indicatorThrottle()).isEqualTo(Duration.ofMillis(250));
        assertThat(CompositionRoot.of(ConfigLoader.load(file, Map.of("CASEFLOW_TIMER_RETRY_MS", "60000")))
                .topologySettings().budgets().timerRetry()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void shouldMapEveryKeyToItsVariableAndBackEvenWithADash() {
        for (String key : ConfigKeys.names()) {
            assertThat(ConfigKeys.forEnvironmentVariable(ConfigKeys.environmentVariable(key))).contains(key);
        }
        CaseflowConfig config = ConfigLoader.load(null, Map.of("KAFKA_BOOTSTRAP_SERVERS", "k:9092",
                "CASEFLOW_EVENT_TIME_GRACE_MS", "500"));
        assertThat(config.clock().orderGrace()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void shouldReadAnOfflineConfigurationWithoutKafka() {
        CaseflowConfig defaults = ConfigLoader.loadOffline(null, Map.of("CASEFLOW_ENGINE_ORPHAN_TIMEOUT_MS", "60000"));
        assertThat(defaults.engineSettings()).as("no file: the defaults, whatever the environment holds")
                .isEqualTo(CaseEngine.Settings.defaults());
    }
}
