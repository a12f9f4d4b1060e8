package org.caseflow.streams.runtime.kafka;

import static org.caseflow.streams.runtime.Ports.freePort;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.caseflow.streams.runtime.tls.TestCertificates;

/**
 * The embedded single-node KRaft broker of {@link EmbeddedKafka}, secured as docs/security.md describes: clients on a
 * SASL_SSL listener (SCRAM-SHA-512, TLS with client certificates required), the StandardAuthorizer with no access
 * unless an ACL grants it, and SCRAM users created when the storage is formatted. The broker talks to itself on a
 * plain loopback listener ({@code plaintextBootstrap}, whose anonymous principal is a super user) that tests also use
 * as "a listener without TLS".
 */
final class SecureKafka implements AutoCloseable {
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin-scram-secret";

    private final KafkaRaftServer server;
    final String bootstrap;
    final String plaintextBootstrap;
    final Path keyStore;
    final Path trustStore;

    private SecureKafka(KafkaRaftServer server, String bootstrap, String plaintextBootstrap, Path keyStore, Path trustStore) {
        this.server = server;
        this.bootstrap = bootstrap;
        this.plaintextBootstrap = plaintextBootstrap;
        this.keyStore = keyStore;
        this.trustStore = trustStore;
    }

    /** @param users SCRAM users (name → password) besides the admin */
    static SecureKafka start(Path dir, Map<String, String> users) throws Exception {
        Path keyStore = TestCertificates.selfSigned(dir, "broker");
        Path trustStore = TestCertificates.trustStore(keyStore, dir.resolve("truststore.p12"));
        int client = freePort();
        int internal = freePort();
        int controller = freePort();
        Properties p = EmbeddedKafka.brokerProperties(dir.resolve("logs"), internal, controller);
        p.setProperty("listeners", "SASL_SSL://localhost:" + client + ",INTERNAL://localhost:" + internal
                + ",CONTROLLER://localhost:" + controller);
        p.setProperty("advertised.listeners", "SASL_SSL://localhost:" + client + ",INTERNAL://localhost:" + internal);
        p.setProperty("listener.security.protocol.map", "SASL_SSL:SASL_SSL,INTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("inter.broker.listener.name", "INTERNAL");
        p.setProperty("sasl.enabled.mechanisms", "SCRAM-SHA-512");
        p.setProperty("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        p.setProperty("listener.name.sasl_ssl.ssl.client.auth", "required");
        p.setProperty("ssl.keystore.type", "PKCS12");
        p.setProperty("ssl.keystore.location", keyStore.toString());
        p.setProperty("ssl.keystore.password", TestCertificates.PASSWORD);
        p.setProperty("ssl.key.password", TestCertificates.PASSWORD);
        p.setProperty("ssl.truststore.type", "PKCS12");
        p.setProperty("ssl.truststore.location", trustStore.toString());
        p.setProperty("ssl.truststore.password", TestCertificates.PASSWORD);
        p.setProperty("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.setProperty("super.users", "User:" + ADMIN + ";User:ANONYMOUS");
        p.setProperty("allow.everyone.if.no.acl.found", "false");
        Path config = dir.resolve("server.properties");
        try (Writer out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            p.store(out, "SecureKafka");
        }
        List<String> format = new ArrayList<>(List.of("format", "--config", config.toString(), "--cluster-id",
                Uuid.randomUuid().toString(), "--add-scram", scram(ADMIN, ADMIN_PASSWORD)));
        users.forEach((name, password) -> format.addAll(List.of("--add-scram", scram(name, password))));
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            int rc = StorageTool.execute(format.toArray(new String[0]), out);
            if (rc != 0) {
                throw new IllegalStateException("format failed: " + buffer.toString(StandardCharsets.UTF_8));
            }
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(p, false), Time.SYSTEM);
        server.startup();
        return new SecureKafka(server, "localhost:" + client, "localhost:" + internal, keyStore, trustStore);
    }

    private static String scram(String name, String password) {
        return "SCRAM-SHA-512=[name=" + name + ",password=" + password + "]";
    }

    /** Client settings of a SASL_SSL client with mutual TLS, as Caseflow keys ({@code kafka.*} and the SASL ones). */
    Map<String, String> clientSettings(String user, String password) {
        Map<String, String> s = new HashMap<>();
        s.put("kafka.bootstrap.servers", bootstrap);
        s.put("caseflow.kafka.sasl.username", user);
        s.put("caseflow.kafka.sasl.password", password);
        s.put("kafka.ssl.truststore.type", "PKCS12");
        s.put("kafka.ssl.truststore.location", trustStore.toString());
        s.put("kafka.ssl.truststore.password", TestCertificates.PASSWORD);
        s.put("kafka.ssl.keystore.type", "PKCS12");
        s.put("kafka.ssl.keystore.location", keyStore.toString());
        s.put("kafka.ssl.keystore.password", TestCertificates.PASSWORD);
        s.put("kafka.ssl.key.password", TestCertificates.PASSWORD);
        return s;
    }


    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
