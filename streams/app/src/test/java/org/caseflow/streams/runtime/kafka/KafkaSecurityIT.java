package org.caseflow.streams.runtime.kafka;

import org.caseflow.streams.runtime.Ports;
import org.caseflow.streams.runtime.Waits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringSerializer;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.CaseFiled;
import org.caseflow.events.Procedure;
import org.caseflow.schemas.CaseflowSerdes;
import org.caseflow.streams.runtime.app.CaseflowRuntime;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.notify.FlakyEndpoint;
import org.caseflow.streams.runtime.notify.NotifyService;
import org.caseflow.streams.runtime.tls.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Caseflow against a secured broker ({@link SecureKafka}: SASL_SSL with SCRAM-SHA-512, mutual TLS, StandardAuthorizer):
 * the app runs with exactly the ACLs of {@link CaseflowAcls}, and a wrong password, a missing ACL or a TLS mismatch
 * each fail at once with a message saying which. No password reaches a log line.
 */
@Tag("integration")
class KafkaSecurityIT {
    private static final String APP_PASSWORD = "caseflow-scram-secret-1";
    private static final String PARTIAL_PASSWORD = "partial-scram-secret-2";
    private static final List<String> SECRETS = List.of(APP_PASSWORD, PARTIAL_PASSWORD, SecureKafka.ADMIN_PASSWORD,
            "wrong-password-value-3");

    @TempDir
    static Path dir;

    private static SecureKafka kafka;
    private static CaseflowConfig admin;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Map<String, Level> levels = new HashMap<>();

    @BeforeAll
    static void startSecuredBroker() throws Exception {
        kafka = SecureKafka.start(dir, Map.of("caseflow", APP_PASSWORD, "partial", PARTIAL_PASSWORD));
        admin = config(SecureKafka.ADMIN, SecureKafka.ADMIN_PASSWORD);
        // What an administrator does once: the topics and the documented ACLs of the app's principal ...
        Path adminConfig = dir.resolve("admin.properties");
        java.util.Properties props = new java.util.Properties();
        props.putAll(kafka.clientSettings(SecureKafka.ADMIN, SecureKafka.ADMIN_PASSWORD));
        props.putAll(Map.of("caseflow.application.id", "secure-it", "caseflow.topic.prefix", "secure.",
                "caseflow.topic.replication", "1", "caseflow.topic.partitions", "2"));
        try (var out = java.nio.file.Files.newBufferedWriter(adminConfig)) {
            props.store(out, null);
        }
        assertThat(org.caseflow.streams.runtime.cli.CaseflowCli.execute("topics", "--config", adminConfig.toString(),
                "--grant", "User:caseflow")).isZero();
        try (Admin client = Admin.create(AdminProps.of(admin))) {
            // ... and for a second principal, the same set less three grants.
            List<AclBinding> partial = CaseflowAcls.forApp(admin, "User:partial").stream()
                    .filter(acl -> acl.pattern().resourceType() == ResourceType.TOPIC)
                    .filter(acl -> !(acl.pattern().name().equals(admin.topics().names().deadlineAlerts())
                            && acl.entry().operation() == AclOperation.WRITE))
                    .toList();
            client.createAcls(partial).all().get();
        }
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    /** Every client and Caseflow log line of a test is kept, config dumps of the Kafka clients included. */
    @BeforeEach
    void captureLogs() {
        logs.start();
        root().addAppender(logs);
        for (String name : List.of("org.caseflow", "org.apache.kafka.clients.producer.ProducerConfig",
                "org.apache.kafka.clients.consumer.ConsumerConfig", "org.apache.kafka.clients.admin.AdminClientConfig",
                "org.apache.kafka.streams.StreamsConfig", "org.apache.kafka.common.config", "org.apache.kafka.common.security")) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            levels.put(name, logger.getLevel());
            logger.setLevel(Level.INFO);
        }
    }

    @AfterEach
    void noPasswordWasLogged() {
        root().detachAppender(logs);
        levels.forEach((name, level) -> ((Logger) LoggerFactory.getLogger(name)).setLevel(level));
        assertThat(logs.list).as("log lines seen").isNotEmpty();
        for (ILoggingEvent event : logs.list) {
            String line = event.getFormattedMessage() + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage());
            for (String secret : SECRETS) {
                assertThat(line).as("a log line of " + event.getLoggerName()).doesNotContain(secret);
            }
        }
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private static CaseflowConfig config(String user, String password) {
        Map<String, String> settings = new HashMap<>(kafka.clientSettings(user, password));
        settings.put("caseflow.application.id", "secure-it");
        settings.put("caseflow.topic.prefix", "secure.");
        settings.put("caseflow.topic.replication", "1");
        settings.put("caseflow.topic.partitions", "2");
        settings.put("caseflow.http.auth", "none");
        settings.put("caseflow.kafka.connect.timeout.ms", "5000");
        settings.put("caseflow.shutdown.timeout.ms", "10000");
        return CaseflowConfig.of(settings);
    }

    @Test
    void shouldRunTheAppWithExactlyTheDocumentedAcls() throws Exception {
        CaseflowConfig app = config("caseflow", APP_PASSWORD).with(Map.of(
                "caseflow.http.port", String.valueOf(Ports.freePort()),
                "caseflow.state.dir", dir.resolve("state").toString()));
        assertThat(app.kafka()).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512");
        assertThat(app.describe()).contains("SASL_SSL/SCRAM-SHA-512+mTLS").doesNotContain(APP_PASSWORD);
        assertThat(KafkaReachability.require(AdminProps.of(app), app.connection().connectTimeout())).isEqualTo(1);
        KafkaAccessCheck.require(app);

        String caseId = "(2024)湘0211民初900号";
        try (KafkaProducer<String, CaseEvent> producer = new KafkaProducer<>(new HashMap<>(admin.kafka()),
                new StringSerializer(), CaseflowSerdes.caseEvent().serializer())) {
            producer.send(new ProducerRecord<>(admin.topics().names().caseFilings(), caseId, CaseEvent.newBuilder()
                    .setEventId(caseId + "#1").setCaseId(caseId).setCourt("湘0211")
                    .setOccurredAt(Instant.parse("2024-01-02T02:00:00Z"))
                    .setPayload(CaseFiled.newBuilder().setProcedure(Procedure.CIVIL_FIRST_SUMMARY)
                            .setFiledOn(LocalDate.of(2024, 1, 2)).build()).build())).get();
        }
        try (CaseflowRuntime runtime = CaseflowRuntime.start(app)) {
            assertThat(runtime.app().awaitRunning(Duration.ofSeconds(60))).isTrue();
            String url = "http://127.0.0.1:" + app.http().port() + "/api/v1/cases/"
                    + URLEncoder.encode(caseId, StandardCharsets.UTF_8).replace("+", "%20");
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> answer = Waits.await("the case " + caseId + " answered by the API").until(() -> http.send(
                    HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()),
                    r -> r.statusCode() == 200);
            // Read the input, wrote its store's changelog and the outputs in a transaction, all with the ACL set.
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains(caseId);
            assertThat(runtime.app().state().toString()).isEqualTo("RUNNING");
            notifyDeliversAsTheSameUser(app, caseId);
        }
        // The clients' configuration dumps were logged (and checked after the test): the JAAS line masked.
        assertThat(logs.list.stream().map(ILoggingEvent::getFormattedMessage))
                .anySatisfy(line -> assertThat(line).contains("sasl.jaas.config = [hidden]"));
    }

    /**
     * {@code caseflow notify} logged in as the app's user (the compose SASL overlay does so) reads the case's alerts,
     * delivers them and commits in its own group: what {@code caseflow topics --grant} added READ on that group for.
     */
    private static void notifyDeliversAsTheSameUser(CaseflowConfig app, String caseId) throws Exception {
        try (FlakyEndpoint webhook = FlakyEndpoint.start(0, (key, attempt) -> FlakyEndpoint.Answer.ok());
             NotifyService notify = NotifyService.create(app.with(Map.of(
                     "caseflow.notify.webhook.url", webhook.url(), "caseflow.notify.http.port", "0")))) {
            Thread loop = new Thread(notify::run, "notify-under-acls");
            loop.setDaemon(true);
            loop.start();
            Waits.await("an alert of " + caseId + " delivered by notify under the ACLs")
                    .until(() -> webhook.deliveredKeys().stream().anyMatch(k -> URLDecoder.decode(k, StandardCharsets.UTF_8)
                            .startsWith(caseId + "/")));
        }
    }

    @Test
    void shouldRefuseAWrongPasswordAtOnceNamingTheSettings() {
        CaseflowConfig wrong = config("caseflow", "wrong-password-value-3");
        assertThatThrownBy(() -> KafkaReachability.require(AdminProps.of(wrong), wrong.connection().connectTimeout()))
                .isInstanceOf(KafkaUnreachableException.class)
                .hasMessageContaining("refused the SASL login (SCRAM-SHA-512; check caseflow.kafka.sasl.username and"
                        + " caseflow.kafka.sasl.password)")
                .hasMessageContaining("invalid credentials")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong-password-value-3"));
    }

    @Test
    void shouldListEveryMissingAcl() {
        CaseflowConfig partial = config("partial", PARTIAL_PASSWORD);
        KafkaReachability.require(AdminProps.of(partial), partial.connection().connectTimeout());
        assertThatThrownBy(() -> KafkaAccessCheck.require(partial))
                .isInstanceOf(KafkaAccessCheck.AccessDenied.class)
                .hasMessageContaining("Kafka principal User:partial may not do what Caseflow needs")
                .hasMessageContaining("WRITE on topic " + partial.topics().names().deadlineAlerts())
                .hasMessageContaining("READ on group secure-it")
                .hasMessageContaining("WRITE on transactional ids prefixed 'secure-it'")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("on topic " + partial.topics().names().caseFilings()));
    }

    @Test
    void shouldSayWhenTlsDoesNotMatch() throws Exception {
        // The broker's certificate is not the one the client trusts.
        Path stranger = TestCertificates.trustStore(TestCertificates.selfSigned(dir, "stranger"), dir.resolve("stranger-trust.p12"));
        CaseflowConfig untrusted = config("caseflow", APP_PASSWORD).with(Map.of("kafka.ssl.truststore.location",
                stranger.toString()));
        assertThatThrownBy(() -> KafkaReachability.require(AdminProps.of(untrusted), untrusted.connection().connectTimeout()))
                .isInstanceOf(KafkaUnreachableException.class).hasMessageContaining("TLS handshake with Kafka at " + kafka.bootstrap
                        + " failed (check that kafka.ssl.truststore.location trusts the broker's certificate");
        // A TLS client on a listener without TLS: silence, and the message says that this is what it looks like.
        CaseflowConfig tlsOnPlain = config("caseflow", APP_PASSWORD).with(Map.of("kafka.bootstrap.servers",
                kafka.plaintextBootstrap, "caseflow.kafka.connect.timeout.ms", "2000"));
        assertThatThrownBy(() -> KafkaReachability.require(AdminProps.of(tlsOnPlain), tlsOnPlain.connection().connectTimeout()))
                .isInstanceOf(KafkaUnreachableException.class)
                .hasMessageContaining("security.protocol is SASL_SSL: a listener without TLS on that port looks the same");
        // A plain client on the SASL_SSL listener.
        CaseflowConfig plain = CaseflowConfig.of(Map.of("kafka.bootstrap.servers", kafka.bootstrap,
                "caseflow.kafka.connect.timeout.ms", "2000"));
        assertThatThrownBy(() -> KafkaReachability.require(AdminProps.of(plain), plain.connection().connectTimeout()))
                .isInstanceOf(KafkaUnreachableException.class)
                .hasMessageContaining("security.protocol is PLAINTEXT: a listener that requires TLS or SASL looks the same");
    }
}
