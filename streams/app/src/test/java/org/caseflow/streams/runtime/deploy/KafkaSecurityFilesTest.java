package org.caseflow.streams.runtime.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseflow.streams.runtime.deploy.Manifests.containers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.streams.StreamsConfig;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.config.ConfigLoader;
import org.caseflow.streams.runtime.config.TokenHash;
import org.caseflow.streams.runtime.kafka.CaseflowAcls;
import org.junit.jupiter.api.Test;

/**
 * The Kafka SASL/TLS set-up of the deploy files, checked mechanically since no Docker or cluster runs here (issue 12):
 * the compose overlay {@code deploy/docker-compose.kafka-sasl-ssl.yml} merged over {@code deploy/docker-compose.yml} as
 * {@code docker compose -f ... -f ...} would, and the Kubernetes manifests. Every {@code CASEFLOW_*} variable goes
 * through the app's own {@link ConfigLoader} (an unknown one is an error naming the nearest), every {@code KAFKA_*}
 * variable of a Caseflow container must be a Kafka client setting and every one of the broker a broker setting; every
 * client reaches a listener that speaks its protocol; secrets come from files or Secret references, never literals;
 * and the ACL table of docs/security.md is exactly what {@code caseflow topics --grant} creates ({@link CaseflowAcls}).
 */
class KafkaSecurityFilesTest {
    private static final String OVERLAY = "docker-compose.kafka-sasl-ssl.yml";
    /** Names of variables that hold a secret (or point at one). */
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|JAAS|CREDENTIAL).*");
    /** Kafka's file config provider: {@code ${file:/run/secrets/NAME:key}}, {@code $$} escaping compose. */
    private static final Pattern FILE_PROVIDER = Pattern.compile("\\$\\$\\{file:/run/secrets/([^:}]+):[^}]+}");
    private static final String TEST_TOKENS = TokenHash.of("kafka-security-files-test", 1_000).written() + ":*";

    private final Manifests manifests = new Manifests();

    // ---- variables

    @Test
    void shouldSetOnlyCaseflowAndKafkaVariablesTheAppAccepts() {
        Map<String, Map<String, String>> clients = caseflowContainers();
        assertThat(clients).containsKeys("compose+overlay caseflow", "compose+overlay topics", "compose+overlay notify");
        Set<String> known = kafkaClientSettings();
        clients.forEach((where, env) -> {
            // CASEFLOW_* and KAFKA_* as the app reads them: unknown CASEFLOW_* names fail here with the nearest name.
            CaseflowConfig config = ConfigLoader.load(null, withTestSecrets(env));
            assertThat(config.bootstrapServers()).as(where).isNotBlank();
            List<String> unknown = env.keySet().stream().filter(n -> n.startsWith("KAFKA_"))
                    .map(n -> n.replaceFirst("_FILE$", "").toLowerCase(Locale.ROOT).substring("kafka_".length()).replace('_', '.'))
                    .filter(p -> !known.contains(withoutClientPrefix(p))).toList();
            assertThat(unknown).as(where + ": KAFKA_* variables that are no Kafka client setting (typos?)").isEmpty();
        });
    }

    @Test
    void shouldSetOnlyBrokerSettingsOnTheBroker() {
        Set<String> known = new TreeSet<>(scala.jdk.javaapi.CollectionConverters.asJava(kafka.server.KafkaConfig.configNames()));
        assertThat(known).contains("listeners", "ssl.client.auth", "authorizer.class.name");
        // The StandardAuthorizer's own settings, read from the broker's configuration by the authorizer.
        known.add(org.apache.kafka.metadata.authorizer.StandardAuthorizer.SUPER_USERS_CONFIG);
        known.add(org.apache.kafka.metadata.authorizer.StandardAuthorizer.ALLOW_EVERYONE_IF_NO_ACL_IS_FOUND_CONFIG);
        Map<String, String> env = merged().get("kafka").environment();
        List<String> unknown = new ArrayList<>();
        env.keySet().stream().filter(n -> n.startsWith("KAFKA_") && !n.endsWith("_OPTS")).forEach(n -> {
            String setting = imageSetting(n);
            boolean ok = known.contains(setting)
                    // listener.name.LISTENER[.MECHANISM].SETTING and config.providers.NAME.SETTING are per-listener/per-provider
                    || setting.startsWith("listener.name.") && known.stream().anyMatch(k -> setting.endsWith("." + k))
                    || setting.startsWith("config.providers");
            if (!ok) {
                unknown.add(n + " (" + setting + ")");
            }
        });
        assertThat(unknown).as("broker variables the apache/kafka image maps to no broker setting").isEmpty();
        assertThat(imageSetting("KAFKA_LISTENER_NAME_SASL__SSL_SCRAM___SHA___512_SASL_JAAS_CONFIG"))
                .isEqualTo("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config");
    }

    @Test
    void shouldPointEveryKafkaClientAtAListenerOfItsProtocol() {
        Map<String, Service> services = merged();
        Map<String, String> broker = services.get("kafka").environment();
        Map<String, String> protocols = new HashMap<>();
        for (String pair : broker.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").split(",")) {
            String[] kv = pair.split(":");
            protocols.put(kv[0], kv[1]);
        }
        Map<String, String> byAddress = new HashMap<>();
        for (String listener : broker.get("KAFKA_ADVERTISED_LISTENERS").split(",")) {
            String[] parts = listener.split("://");
            byAddress.put(parts[1], protocols.getOrDefault(parts[0], parts[0]));
        }
        assertThat(byAddress).containsEntry("kafka:9094", "SASL_SSL");
        caseflowContainers().forEach((where, env) -> {
            if (!where.startsWith("compose")) {
                return; // Kubernetes connects to the operator's cluster
            }
            CaseflowConfig config = ConfigLoader.load(null, withTestSecrets(env));
            String protocol = config.kafka().getOrDefault("security.protocol", "PLAINTEXT");
            for (String address : config.bootstrapServers().split(",")) {
                assertThat(byAddress.get(address.trim())).as(where + ": the listener at " + address + " for a "
                        + protocol + " client").isEqualTo(protocol);
            }
        });
    }

    // ---- secrets

    @Test
    void shouldTakeEverySecretFromAFileOrASecretReference() {
        List<String> literal = new ArrayList<>();
        merged().forEach((name, service) -> service.environment().forEach((variable, value) -> {
            boolean secretish = SECRET_NAME.matcher(variable).matches();
            boolean location = variable.endsWith("_LOCATION");
            if (!secretish && !location) {
                return;
            }
            Matcher provider = FILE_PROVIDER.matcher(value);
            if (variable.endsWith("_FILE") || location) {
                String file = value.replaceFirst("^/run/secrets/", "");
                if (value.equals(file) || !service.secrets().contains(file)) {
                    literal.add(name + " " + variable + ": " + value + " is not a secret of the service");
                }
            } else if (provider.matches()) {
                if (!service.secrets().contains(provider.group(1))) {
                    literal.add(name + " " + variable + ": secret " + provider.group(1) + " not given to the service");
                }
            } else if (variable.contains("JAAS") && !value.toLowerCase(Locale.ROOT).contains("password")) {
                return; // a login module without credentials (the broker's SCRAM listener)
            } else if (!value.isEmpty()) { // empty: an interpolation with no default, from the operator's shell
                literal.add(name + " " + variable + ": a literal value");
            }
        }));
        assertThat(literal).as("compose (with the SASL overlay): secrets as literals or from files the service lacks").isEmpty();

        String configMapText = DeployFiles.text(DeployFiles.KUBERNETES.resolve("caseflow.yaml"));
        manifests.podSpecs().forEach((workload, pod) -> {
            Map<String, String> secretMounts = new HashMap<>();
            pod.path("volumes").forEach(v -> {
                if (v.has("secret")) {
                    secretMounts.put(v.path("name").asText(), v.path("secret").path("secretName").asText());
                }
            });
            containers(pod).forEach(c -> {
                List<String> mounted = new ArrayList<>();
                c.path("volumeMounts").forEach(m -> {
                    if (secretMounts.containsKey(m.path("name").asText())) {
                        mounted.add(m.path("mountPath").asText() + "/");
                    }
                });
                c.path("env").forEach(v -> {
                    String variable = v.path("name").asText();
                    if (SECRET_NAME.matcher(variable).matches() && !variable.endsWith("_FILE")) {
                        assertThat(v.path("valueFrom").has("secretKeyRef")).as(workload + " " + variable + " from a Secret").isTrue();
                    }
                });
                manifests.environment(workload, c).forEach((variable, value) -> {
                    if (variable.endsWith("_FILE") || variable.endsWith("_LOCATION")) {
                        assertThat(mounted).as(workload + " " + variable + "=" + value + " on a Secret volume")
                                .anyMatch(value::startsWith);
                        String key = value.substring(value.lastIndexOf('/') + 1);
                        if (value.startsWith("/etc/caseflow/kafka/")) {
                            // The operator makes this Secret: the ConfigMap's comment says how, with every key used.
                            assertThat(configMapText).as("kubectl create secret ... --from-file=" + key + "=")
                                    .contains("--from-file=" + key + "=");
                        }
                    } else if (SECRET_NAME.matcher(variable).matches()) {
                        assertThat(secretRef(c, variable)).as(workload + " " + variable + " from a Secret").isTrue();
                    }
                });
            });
        });
    }

    // ---- ACLs

    /** docs/security.md's ACL table, expanded with the default names, is what {@code caseflow topics --grant} creates. */
    @Test
    void shouldDocumentExactlyTheAclsThatTopicsGrantCreates() {
        CaseflowConfig config = ConfigLoader.load(null, Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka:9094"));
        String app = config.streams().applicationId();
        Set<String> granted = new TreeSet<>();
        for (AclBinding acl : CaseflowAcls.forGrant(config, "User:caseflow")) {
            granted.add(acl.pattern().resourceType() + " " + acl.pattern().patternType() + " " + acl.pattern().name() + " "
                    + acl.entry().operation());
        }
        Set<String> documented = new TreeSet<>();
        String doc = DeployFiles.text(java.nio.file.Path.of("docs", "security.md"));
        String section = doc.substring(doc.indexOf("### Kafka ACLs"));
        Matcher row = Pattern.compile("(?m)^\\| (topics?|every|group|transactional id)(.*?) \\| (literal|prefixed) \\| ([A-Z_, ]+) \\|")
                .matcher(section);
        while (row.find()) {
            List<String> names = new ArrayList<>();
            Matcher quoted = Pattern.compile("`([^`]+)`").matcher(row.group(2));
            while (quoted.find()) {
                names.add(quoted.group(1));
            }
            String type = switch (row.group(1)) {
                case "group" -> "GROUP";
                case "transactional id" -> "TRANSACTIONAL_ID";
                default -> "TOPIC";
            };
            List<String> expanded = new ArrayList<>();
            for (String name : names) {
                if (name.endsWith(".*")) {
                    String prefix = name.substring(0, name.length() - 1);
                    // "every other caseflow.* topic": the ones the app writes, not those it only reads (their own rows)
                    config.topics().names().all().stream().filter(t -> t.startsWith(prefix))
                            .filter(t -> !config.topics().names().readOnly().contains(t)).forEach(expanded::add);
                } else {
                    expanded.add(name.replace("NOTIFY", config.notifications().groupId()).replace("APP", app));
                }
            }
            for (String name : expanded) {
                for (String op : row.group(4).split(",\\s*")) {
                    documented.add(type + " " + row.group(3).toUpperCase(Locale.ROOT) + " " + name + " " + op.trim());
                }
            }
        }
        assertThat(documented).as("docs/security.md, Kafka ACLs").hasSizeGreaterThan(10);
        assertThat(documented).as("documented ACLs (left) and those caseflow topics --grant creates").isEqualTo(granted);
    }

    // ---- helpers

    /** A compose service after the overlay: the base's environment with the overlay's on top, both secret lists. */
    record Service(JsonNode base, Map<String, String> environment, Set<String> secrets) {
    }

    private static Map<String, Service> merged() {
        JsonNode base = DeployFiles.yaml(DeployFiles.COMPOSE).path("services");
        JsonNode overlay = DeployFiles.yaml(DeployFiles.DEPLOY.resolve(OVERLAY)).path("services");
        Map<String, Service> services = new LinkedHashMap<>();
        Set<String> names = new LinkedHashSet<>();
        base.fieldNames().forEachRemaining(names::add);
        overlay.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode b = base.path(name);
            JsonNode o = overlay.path(name);
            JsonNode image = b.has("image") ? b : o;
            Map<String, String> env = new LinkedHashMap<>(Compose.environment(image));
            env.putAll(Compose.environment(b));
            o.path("environment").fields().forEachRemaining(e -> env.put(e.getKey(), Compose.interpolate(e.getValue().asText())));
            Set<String> secrets = new LinkedHashSet<>();
            b.path("secrets").forEach(s -> secrets.add(s.isTextual() ? s.asText() : s.path("source").asText()));
            o.path("secrets").forEach(s -> secrets.add(s.isTextual() ? s.asText() : s.path("source").asText()));
            services.put(name, new Service(image, env, secrets));
        }
        return services;
    }

    /** The environment of every container running the Caseflow image: compose with the overlay, and Kubernetes. */
    private Map<String, Map<String, String>> caseflowContainers() {
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        merged().forEach((name, s) -> {
            if (s.base().path("image").asText().startsWith("caseflow:")) {
                all.put("compose+overlay " + name, s.environment());
            }
        });
        manifests.podSpecs().forEach((workload, pod) -> containers(pod).forEach(c -> {
            if (c.path("image").asText().startsWith("caseflow:")) {
                all.put(workload + "/" + c.path("name").asText(), manifests.environment(workload, c));
            }
        }));
        return all;
    }

    /** Every setting a Kafka client of the app takes: admin, producer, consumer and Streams. */
    private static Set<String> kafkaClientSettings() {
        Set<String> names = new TreeSet<>();
        names.addAll(AdminClientConfig.configNames());
        names.addAll(ProducerConfig.configNames());
        names.addAll(ConsumerConfig.configNames());
        names.addAll(StreamsConfig.configDef().names());
        return names;
    }

    /** Streams passes {@code producer.}, {@code consumer.}, {@code admin.} ... prefixed settings to one client. */
    private static String withoutClientPrefix(String property) {
        for (String prefix : List.of("main.consumer.", "restore.consumer.", "global.consumer.", "producer.", "consumer.",
                "admin.")) {
            if (property.startsWith(prefix)) {
                return property.substring(prefix.length());
            }
        }
        return property;
    }

    /** The apache/kafka image's mapping: KAFKA_ dropped, ___ → -, __ → _, _ → ., lower case. */
    static String imageSetting(String variable) {
        return variable.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace("___", "-").replace("__", "\u0000")
                .replace('_', '.').replace('\u0000', '_');
    }

    private static boolean secretRef(JsonNode container, String variable) {
        for (JsonNode v : container.path("env")) {
            if (variable.equals(v.path("name").asText())) {
                return v.path("valueFrom").has("secretKeyRef");
            }
        }
        return false; // from the ConfigMap: a literal in a non-secret object
    }

    /** As the app would load it, with a test value in place of each secret file the operator makes. */
    private static Map<String, String> withTestSecrets(Map<String, String> env) {
        Map<String, String> copy = new HashMap<>(env);
        new ArrayList<>(copy.keySet()).stream().filter(k -> k.endsWith("_FILE")).forEach(k -> {
            copy.remove(k);
            copy.put(k.substring(0, k.length() - "_FILE".length()), "test-secret-value");
        });
        copy.computeIfPresent("CASEFLOW_API_TOKENS", (k, v) -> TEST_TOKENS);
        return copy;
    }
}
