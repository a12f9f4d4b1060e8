package org.caseflow.streams.runtime.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.caseflow.streams.runtime.deploy.Manifests.command;
import static org.caseflow.streams.runtime.deploy.Manifests.containerPort;
import static org.caseflow.streams.runtime.deploy.Manifests.containers;
import static org.caseflow.streams.runtime.deploy.Manifests.elements;
import static org.caseflow.streams.runtime.deploy.Manifests.find;
import static org.caseflow.streams.runtime.deploy.Manifests.peers;
import static org.caseflow.streams.runtime.deploy.Manifests.podName;
import static org.caseflow.streams.runtime.deploy.Manifests.ports;
import static org.caseflow.streams.runtime.deploy.Manifests.selects;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.Uuid;
import org.caseflow.streams.runtime.cli.CaseflowCli;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.config.ConfigKeys;
import org.caseflow.streams.runtime.config.ConfigLoader;
import org.caseflow.streams.runtime.config.InvalidConfigException;
import org.caseflow.streams.runtime.http.HttpApi;
import org.caseflow.streams.runtime.kafka.TopicSpec;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The compose file and the Kubernetes manifests checked against the app they deploy: variable names against
 * {@link ConfigKeys}, values through {@link ConfigLoader} (as the app would load them), ports and paths against
 * {@link HttpApi}, topics through {@link TopicSpec}, the user against the Dockerfile, the image tag against the
 * project version; and Prometheus/Alertmanager wiring. No Docker or cluster is needed: the files are parsed.
 */
class DeployFilesTest {
    /** Metaspace, code cache, thread stacks, GC structures, direct buffers: what a JVM needs besides heap and RocksDB. */
    private static final long JVM_NON_HEAP = 256L << 20;
    private static final String VALID_TEST_TOKENS =
            org.caseflow.streams.runtime.config.TokenHash.of("deploy-files-test-token", 1_000).written() + ":*";

    private final Compose compose = new Compose();
    private final Manifests manifests = new Manifests();

    // ---- variables and values

    @Test
    void shouldSetOnlyCaseflowVariablesTheAppKnows() {
        Set<String> names = new TreeSet<>(DeployFiles.dockerfileEnvironment().keySet());
        compose.services().values().forEach(s -> names.addAll(Compose.environment(s).keySet()));
        manifests.podSpecs().forEach((workload, pod) -> containers(pod).forEach(c ->
                names.addAll(manifests.environment(workload, c).keySet())));
        manifests.objects("ConfigMap").forEach(m -> m.path("data").fieldNames().forEachRemaining(names::add));

        List<String> caseflowNames = names.stream().filter(n -> n.startsWith("CASEFLOW_")).toList();
        assertThat(caseflowNames).contains("CASEFLOW_STATE_DIR", "CASEFLOW_TOPIC_REPLICATION");
        assertThat(caseflowNames.stream().filter(n -> ConfigKeys.forEnvironmentVariable(n.replaceFirst("_FILE$", "")).isEmpty())
                .toList())
                .as("CASEFLOW_* variables the app ignores (typos?): keys are in ConfigKeys").isEmpty();
    }

    @Test
    void shouldLoadEveryShippedConfigurationAsTheAppWould() {
        Map<String, Map<String, String>> environments = caseflowEnvironments();
        assertThat(environments).hasSizeGreaterThanOrEqualTo(4);
        // ConfigLoader throws InvalidConfigException listing every key it refuses.
        environments.forEach((where, env) -> assertThat(load(withTestTokens(env)).bootstrapServers()).as(where).isNotBlank());
    }

    @Test
    void shouldShipNoWorkingApiToken() {
        List<String> shipped = new ArrayList<>();
        manifests.podSpecs().forEach((workload, pod) -> containers(pod).forEach(c -> c.path("env").forEach(v -> {
            JsonNode ref = v.path("valueFrom").path("secretKeyRef");
            if ("CASEFLOW_API_TOKENS".equals(v.path("name").asText()) && !ref.isMissingNode()) {
                shipped.add(DeployFiles.secretValue(manifests.all, ref.path("name").asText(), ref.path("key").asText()));
            }
        })));
        assertThat(shipped).isNotEmpty();
        for (String tokens : shipped) {
            assertThat(tokens).as("an empty value would open the API").isNotBlank();
            assertThatThrownBy(() -> ConfigLoader.load(null,
                    Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092", "CASEFLOW_API_TOKENS", tokens)))
                    .isInstanceOf(InvalidConfigException.class).hasMessageContaining(ConfigKeys.API_TOKENS);
        }
        compose.services().forEach((name, service) -> {
            Map<String, String> env = Compose.environment(service);
            assertThat(env).as(name + ": token hashes come from a secret file the operator writes, never from this file")
                    .doesNotContainKey("CASEFLOW_API_TOKENS");
            if (env.containsKey("CASEFLOW_API_TOKENS_FILE")) {
                assertThat(env.get("CASEFLOW_API_TOKENS_FILE")).startsWith("/run/secrets/");
            }
        });
        assertThat(Compose.environment(compose.services().get("caseflow"))).containsKey("CASEFLOW_API_TOKENS_FILE");
    }

    @Test
    void shouldShowKafkaOverSaslSslWithSecretsFromFilesOnly() {
        JsonNode overlay = DeployFiles.yaml(DeployFiles.DEPLOY.resolve("docker-compose.kafka-sasl-ssl.yml"));
        JsonNode app = overlay.path("services").path("caseflow");
        Map<String, String> env = new HashMap<>(Compose.environment(compose.services().get("caseflow")));
        app.path("environment").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        CaseflowConfig config = load(env);
        assertThat(config.kafka()).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsKeys("ssl.truststore.location", "ssl.keystore.location");
        assertThat(config.bootstrapServers()).isEqualTo("kafka:9094");
        // The administrator's one-shot grants exactly the documented ACLs to the user the app logs in as.
        assertThat(DeployFiles.words(overlay.path("services").path("topics").path("command")))
                .containsExactly("topics", "--grant", "User:" + env.get("CASEFLOW_KAFKA_SASL_USERNAME"));
        overlay.path("services").forEach(service -> service.path("environment").fields().forEachRemaining(e -> {
            if (e.getKey().contains("PASSWORD") && !e.getKey().endsWith("_FILE")) {
                assertThat(e.getValue().asText()).as(e.getKey() + ", compose-escaped").startsWith("$${file:/run/secrets/");
            }
        }));
        overlay.path("secrets").forEach(secret -> assertThat(secret.path("file").asText()).startsWith("./secrets/"));
        Map.Entry<String, JsonNode> workload = manifests.appContainers().entrySet().iterator().next();
        Map<String, String> k8s = manifests.environment(workload.getKey(), workload.getValue());
        assertThat(k8s).containsEntry("CASEFLOW_KAFKA_SASL_USERNAME", "caseflow")
                .containsEntry("CASEFLOW_KAFKA_SASL_PASSWORD_FILE", "/etc/caseflow/kafka/password");
        assertThat(load(k8s).kafka()).containsEntry("security.protocol", "SASL_SSL");
    }

    @Test
    void shouldShipGrafanaWithoutAnonymousAccessOrDefaultPasswordAndPublishOnLoopbackOnly() {
        Map<String, String> grafana = Compose.environment(compose.services().get("grafana"));
        assertThat(grafana).containsEntry("GF_AUTH_ANONYMOUS_ENABLED", "false")
                .containsEntry("GF_SECURITY_ADMIN_PASSWORD__FILE", "/run/secrets/grafana-admin-password")
                .doesNotContainKey("GF_SECURITY_ADMIN_PASSWORD");
        compose.services().forEach((name, service) -> DeployFiles.words(service.path("ports")).forEach(port ->
                assertThat(port).as(name + " publishes on this machine only").startsWith("127.0.0.1:")));
        // Every secret is a file of deploy/secrets/, which git ignores: the repository carries none.
        assertThat(compose.secrets().size()).isEqualTo(3);
        compose.secrets().forEach(secret -> assertThat(secret.path("file").asText()).startsWith("./secrets/"));
        assertThat(DeployFiles.DEPLOY.resolve("secrets")).doesNotExist();
    }

    // ---- image

    @Test
    void shouldPinOneCaseflowImageTagEverywhere() {
        Set<String> caseflowImages = new LinkedHashSet<>();
        List<String> allImages = new ArrayList<>();
        compose.services().values().forEach(s -> allImages.add(s.path("image").asText()));
        manifests.podSpecs().values().forEach(pod -> containers(pod).forEach(c -> allImages.add(c.path("image").asText())));
        allImages.stream().filter(i -> i.startsWith("caseflow:") || i.equals("caseflow")).forEach(caseflowImages::add);

        String version = projectVersion().replace("-SNAPSHOT", "");
        assertThat(caseflowImages).as("one caseflow image in compose and Kubernetes, tagged with the project version")
                .containsExactly("caseflow:" + version);
        assertThat(allImages).allSatisfy(image -> assertThat(image).as("every image pinned")
                .matches("[^:@]+(:[A-Za-z0-9._-]+|@sha256:[0-9a-f]{64})").doesNotEndWith(":latest"));
    }

    @Test
    void shouldBuildTheCaseflowImageFromTheRepository() {
        Map<String, JsonNode> built = new LinkedHashMap<>();
        compose.services().forEach((name, s) -> {
            if (s.path("image").asText().startsWith("caseflow:")) {
                built.put(name, s);
            }
        });
        assertThat(built).isNotEmpty();
        built.forEach((name, s) -> {
            Path context = DeployFiles.DEPLOY.resolve(s.path("build").path("context").asText());
            assertThat(context.toAbsolutePath().normalize()).as(name + ": build context = repository root")
                    .isEqualTo(Path.of("").toAbsolutePath().normalize());
            assertThat(context.resolve(s.path("build").path("dockerfile").asText()).normalize())
                    .isEqualTo(DeployFiles.DOCKERFILE.normalize());
        });
        String jar = "streams/app/target/"
                + match(DeployFiles.text(Path.of("streams/app/pom.xml")), "<finalName>([^<]+)</finalName>") + ".jar";
        List<String> copied = copySources();
        assertThat(copied).as("the Dockerfile copies the jar the build makes").contains(jar);
        List<String> ignore = List.of(DeployFiles.text(Path.of(".dockerignore")).split("\n"));
        copied.forEach(source -> {
            assertThat(source.equals(jar) || Files.exists(Path.of(source))).as(source + " exists").isTrue();
            assertThat(ignore).as(".dockerignore keeps " + source + " in the build context").contains("!" + source);
        });
    }

    // ---- Kafka in compose

    @Test
    void shouldKeepKafkaDataAndClusterIdOnTheVolume() {
        JsonNode kafka = compose.service(kafkaService());
        Map<String, String> env = Compose.environment(kafka);
        Uuid clusterId = Uuid.fromString(env.getOrDefault("CLUSTER_ID", ""));
        assertThat(clusterId).isNotEqualTo(Uuid.ZERO_UUID);
        Map<String, String> mounts = Compose.volumeMounts(kafka);
        assertThat(env.get("KAFKA_LOG_DIRS")).as("KAFKA_LOG_DIRS (the image's default is under /tmp)").isNotBlank();
        for (String dir : env.get("KAFKA_LOG_DIRS").split(",")) {
            assertThat(mounts).as("Kafka log dir " + dir + " on a named volume").containsKey(dir);
            assertThat(compose.declaresVolume(mounts.get(dir))).as(mounts.get(dir) + " declared").isTrue();
        }
    }

    // ---- Caseflow in compose

    @Test
    void shouldRunTopicsBeforeTheAppInCompose() {
        JsonNode run = compose.service(compose.caseflowService("run"));
        String topicsName = compose.caseflowService("topics");
        JsonNode topics = compose.service(topicsName);
        assertThat(run.path("depends_on").path(topicsName).path("condition").asText()).isEqualTo("service_completed_successfully");
        assertThat(topics.path("depends_on").path(kafkaService()).path("condition").asText()).isEqualTo("service_healthy");
        assertThat(TopicSpec.all(load(Compose.environment(topics))))
                .as("the topics service creates the topics the app expects")
                .isEqualTo(TopicSpec.all(load(Compose.environment(run))));
        assertThat(cliCommands()).contains("run", "topics");
    }

    @Test
    void shouldHealthCheckAndPublishTheAppPortInCompose() {
        JsonNode run = compose.service(compose.caseflowService("run"));
        CaseflowConfig config = load(Compose.environment(run));
        String check = String.join(" ", DeployFiles.words(run.path("healthcheck").path("test")));
        Matcher url = Pattern.compile("https?://[^/:\\s]+:(\\d+)(/[^\\s\"'|]*)").matcher(check);
        assertThat(url.find()).as("a URL in the health check: " + check).isTrue();
        assertThat(Integer.parseInt(url.group(1))).isEqualTo(config.http().port());
        assertThat(url.group(2)).isEqualTo(HttpApi.READINESS_PATH);
        assertThat(DeployFiles.words(run.path("ports")).stream().map(p -> p.substring(p.lastIndexOf(':') + 1)).toList())
                .contains(String.valueOf(config.http().port()));
        assertThat(Integer.parseInt(DeployFiles.dockerfile("^EXPOSE\\s+(\\d+)"))).isEqualTo(config.http().port());
        Path state = stateDir(config);
        assertThat(Compose.volumeMounts(run).keySet()).as("state dir " + state + " on a volume")
                .anySatisfy(mount -> assertThat(state.startsWith(mount)).isTrue());
    }

    // ---- Kubernetes

    @Test
    void shouldRunEveryPodAsTheImageUserWithoutPrivileges() {
        long uid = Long.parseLong(DeployFiles.dockerfile("useradd[^\\n]*--uid (\\d+)"));
        long gid = Long.parseLong(DeployFiles.dockerfile("groupadd[^\\n]*--gid (\\d+)"));
        assertThat(DeployFiles.dockerfile("^USER\\s+(\\S+)")).as("numeric USER, so runAsNonRoot can check it").isEqualTo(uid + ":" + gid);
        assertThat(manifests.podSpecs()).isNotEmpty();
        manifests.podSpecs().forEach((workload, pod) -> {
            JsonNode sc = pod.path("securityContext");
            assertThat(sc.path("runAsNonRoot").asBoolean()).as(workload + " runAsNonRoot").isTrue();
            assertThat(sc.path("runAsUser").asLong()).as(workload + " runAsUser = the Dockerfile's user").isEqualTo(uid);
            assertThat(sc.path("runAsGroup").asLong()).as(workload + " runAsGroup").isEqualTo(gid);
            assertThat(sc.path("fsGroup").asLong()).as(workload + " fsGroup").isEqualTo(gid);
            assertThat(sc.path("seccompProfile").path("type").asText()).isEqualTo("RuntimeDefault");
            assertThat(pod.path("automountServiceAccountToken").isBoolean() && !pod.path("automountServiceAccountToken").asBoolean())
                    .as(workload + ": no service account token").isTrue();
            containers(pod).forEach(c -> {
                JsonNode csc = c.path("securityContext");
                String what = workload + "/" + c.path("name").asText();
                assertThat(csc.path("allowPrivilegeEscalation").isBoolean() && !csc.path("allowPrivilegeEscalation").asBoolean())
                        .as(what + " allowPrivilegeEscalation: false").isTrue();
                assertThat(csc.path("readOnlyRootFilesystem").asBoolean()).as(what + " readOnlyRootFilesystem").isTrue();
                assertThat(csc.path("privileged").asBoolean()).as(what + " privileged").isFalse();
                assertThat(DeployFiles.words(csc.path("capabilities").path("drop"))).as(what + " drops").contains("ALL");
                assertThat(csc.path("capabilities").path("add")).as(what + " adds no capability").isEmpty();
                assertThat(csc.path("runAsUser").isMissingNode() || csc.path("runAsUser").asLong() == uid).isTrue();
            });
        });
    }

    @Test
    void shouldGiveTheAppWritableStateAndTmpOnAReadOnlyRoot() {
        manifests.podSpecs().forEach((workload, pod) -> containers(pod).forEach(c -> {
            String what = workload + "/" + c.path("name").asText();
            Map<String, String> env = manifests.environment(workload, c);
            Map<String, JsonNode> mounts = manifests.volumeMounts(workload, c);
            String tmp = DeployFiles.javaTmpDir(env.get("JAVA_TOOL_OPTIONS"));
            assertThat(mounts).as(what + ": java.io.tmpdir " + tmp + " (RocksDB and codec native libraries)").containsKey(tmp);
            assertThat(mounts.get(tmp).has("emptyDir")).as(what + ": " + tmp + " is an emptyDir").isTrue();
            if (command(c).equals("run")) {
                Path state = stateDir(load(withTestTokens(env)));
                String mount = mounts.keySet().stream().filter(m -> state.startsWith(m)).findFirst()
                        .orElseThrow(() -> new AssertionError(what + ": state dir " + state + " is on no volume"));
                assertThat(mounts.get(mount).has("persistentVolumeClaim")).as(what + ": state on a persistent volume").isTrue();
            }
        }));
    }

    @Test
    void shouldCreateTopicsInAnInitContainerBeforeTheAppStarts() {
        assertThat(manifests.objects("Job")).as("topics run in the init container, not a parallel Job").isEmpty();
        List<String> apps = new ArrayList<>();
        manifests.podSpecs().forEach((workload, pod) -> pod.path("containers").forEach(c -> {
            if (!command(c).equals("run")) {
                return;
            }
            apps.add(workload);
            JsonNode init = find(pod.path("initContainers"), i -> command(i).equals("topics"))
                    .orElseThrow(() -> new AssertionError(workload + ": no init container running 'topics'"));
            assertThat(init.path("image").asText()).isEqualTo(c.path("image").asText());
            CaseflowConfig app = load(withTestTokens(manifests.environment(workload, c)));
            CaseflowConfig topics = load(manifests.environment(workload, init));
            assertThat(topics.bootstrapServers()).isEqualTo(app.bootstrapServers());
            assertThat(TopicSpec.all(topics)).as("the init container creates the topics the app expects").isEqualTo(TopicSpec.all(app));
        }));
        assertThat(apps).isNotEmpty();
        assertThat(cliCommands()).contains("run", "topics");
    }

    @Test
    void shouldProbeAndServeThePortAndPathsTheAppServes() {
        manifests.appContainers().forEach((workload, c) -> {
            CaseflowConfig config = load(withTestTokens(manifests.environment(workload, c)));
            int port = config.http().port();
            assertThat(containerPort(c, "http")).as(workload + ": containerPort 'http' = caseflow.http.port").isEqualTo(port);
            assertThat(probe(c, "livenessProbe", port)).isEqualTo(HttpApi.LIVENESS_PATH);
            assertThat(probe(c, "startupProbe", port)).isEqualTo(HttpApi.LIVENESS_PATH);
            assertThat(probe(c, "readinessProbe", port)).isEqualTo(HttpApi.READINESS_PATH);
            JsonNode annotations = manifests.template(workload).path("metadata").path("annotations");
            assertThat(annotations.path("prometheus.io/path").asText()).isEqualTo(HttpApi.METRICS_PATH);
            assertThat(annotations.path("prometheus.io/port").asText()).isEqualTo(String.valueOf(port));
            assertThat(config.http().advertisedHost()).as("advertised host is the pod's name in the headless service")
                    .isEqualTo(podName(workload) + "." + manifests.workload(workload).path("spec").path("serviceName").asText());
            List<JsonNode> services = manifests.objects("Service").stream()
                    .filter(s -> selects(s.path("spec").path("selector"), manifests.podLabels(workload))).toList();
            assertThat(services).hasSizeGreaterThanOrEqualTo(2);
            services.forEach(s -> s.path("spec").path("ports").forEach(p -> {
                int resolved = Manifests.port(c, p.has("targetPort") ? p.path("targetPort") : p.path("port"));
                assertThat(resolved).as("Service " + s.path("metadata").path("name").asText() + " reaches the app port").isEqualTo(port);
            }));
        });
    }

    @Test
    void shouldRequestTheMemoryOfHeapRocksDbAndTheJvm() {
        manifests.podSpecs().forEach((workload, pod) -> containers(pod).forEach(c -> {
            String what = workload + "/" + c.path("name").asText();
            Map<String, String> env = manifests.environment(workload, c);
            long heap = DeployFiles.heapMax(env.get("JAVA_TOOL_OPTIONS"))
                    .orElseThrow(() -> new AssertionError(what + ": no -Xmx in JAVA_TOOL_OPTIONS"));
            long offHeap = command(c).equals("run") ? load(withTestTokens(env)).streams().rocksdbMemoryBytes() : 0;
            JsonNode resources = c.path("resources");
            long request = DeployFiles.bytes(resources.path("requests").path("memory").asText("0"));
            long limit = DeployFiles.bytes(resources.path("limits").path("memory").asText("0"));
            assertThat(request).as(what + ": memory request ≥ -Xmx + RocksDB + JVM non-heap")
                    .isGreaterThanOrEqualTo(heap + offHeap + JVM_NON_HEAP);
            assertThat(limit).as(what + ": memory limit ≥ request").isGreaterThanOrEqualTo(request);
            assertThat(resources.path("requests").path("cpu").asText()).as(what + ": a CPU request").isNotBlank();
        }));
    }

    @Test
    void shouldRunNotifyWithItsOwnProbesPortAndDisruptionBudget() {
        List<String> checked = new ArrayList<>();
        manifests.podSpecs().forEach((workload, pod) -> containers(pod).forEach(c -> {
            if (!command(c).equals("notify")) {
                return;
            }
            checked.add(workload);
            CaseflowConfig config = load(withTestTokens(manifests.environment(workload, c)));
            int port = config.notifications().httpPort();
            assertThat(containerPort(c, "metrics")).as(workload + ": containerPort 'metrics' = caseflow.notify.http.port")
                    .isEqualTo(port);
            assertThat(probe(c, "livenessProbe", port)).isEqualTo("/health/live");
            assertThat(probe(c, "startupProbe", port)).isEqualTo("/health/live");
            assertThat(manifests.template(workload).path("metadata").path("annotations").path("prometheus.io/port").asText())
                    .isEqualTo(String.valueOf(port));
            assertThat(config.notifications().webhookUrl()).as("a placeholder, never a working endpoint")
                    .hasValueSatisfying(u -> assertThat(u).contains(".invalid"));
            assertThat(config.notifications().webhookSecret()).as("no secret shipped").isEmpty();
            assertThat(manifests.objects("PodDisruptionBudget")).anyMatch(p ->
                    selects(p.path("spec").path("selector").path("matchLabels"), manifests.podLabels(workload)));
            assertThat(manifests.objects("NetworkPolicy")).anyMatch(p ->
                    selects(p.path("spec").path("podSelector").path("matchLabels"), manifests.podLabels(workload)));
        }));
        assertThat(checked).as("deploy/kubernetes runs caseflow notify").isNotEmpty();
    }

    @Test
    void shouldBudgetDisruptionsOneInstanceAtATime() {
        manifests.appContainers().forEach((workload, c) -> {
            int replicas = manifests.workload(workload).path("spec").path("replicas").asInt(1);
            JsonNode pdb = manifests.objects("PodDisruptionBudget").stream()
                    .filter(p -> selects(p.path("spec").path("selector").path("matchLabels"), manifests.podLabels(workload))).findFirst()
                    .orElseThrow(() -> new AssertionError(workload + ": no PodDisruptionBudget selects its pods"));
            JsonNode spec = pdb.path("spec");
            if (spec.has("maxUnavailable")) {
                assertThat(spec.path("maxUnavailable").asInt()).isBetween(1, Math.max(1, replicas - 1));
            } else {
                assertThat(spec.path("minAvailable").asInt()).as("a drain must be able to evict").isBetween(1, replicas - 1);
            }
        });
    }

    @Test
    void shouldLetInOnlyTheAppPortAndOutOnlyKafkaPeersAndDns() {
        manifests.appContainers().forEach((workload, c) -> {
            Map<String, String> env = withTestTokens(manifests.environment(workload, c));
            CaseflowConfig config = load(env);
            Map<String, String> labels = manifests.podLabels(workload);
            JsonNode policy = manifests.objects("NetworkPolicy").stream()
                    .filter(p -> selects(p.path("spec").path("podSelector").path("matchLabels"), labels)).findFirst()
                    .orElseThrow(() -> new AssertionError(workload + ": no NetworkPolicy selects its pods"));
            JsonNode spec = policy.path("spec");
            assertThat(DeployFiles.words(spec.path("policyTypes"))).contains("Ingress", "Egress");

            assertThat(spec.path("ingress")).isNotEmpty();
            spec.path("ingress").forEach(rule -> assertThat(ports(rule, c)).as("ingress only to the app port")
                    .containsExactly("TCP/" + config.http().port()));
            assertThat(peers(spec.path("ingress"), "from")).as("ingress from this namespace's pods").anySatisfy(peer ->
                    assertThat(peer.has("podSelector") && !peer.has("namespaceSelector")).isTrue());

            JsonNode egress = spec.path("egress");
            egress.forEach(rule -> assertThat(ports(rule, c)).as("every egress rule names its ports").isNotEmpty());
            for (String server : config.bootstrapServers().split(",")) {
                String host = server.substring(0, server.lastIndexOf(':'));
                String port = server.substring(server.lastIndexOf(':') + 1);
                // svc.namespace[.svc...]: the namespace's own label; a bare service name is in this namespace.
                String namespace = host.contains(".") ? host.split("\\.")[1] : null;
                assertThat(find(egress, rule -> ports(rule, c).contains("TCP/" + port) && elements(rule.path("to")).stream()
                        .anyMatch(p -> namespace == null ? !p.has("namespaceSelector") : namespace.equals(
                                p.path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name").asText()))))
                        .as("egress to Kafka " + server + " (namespace " + namespace + ")").isPresent();
            }
            assertThat(find(egress, rule -> ports(rule, c).contains("TCP/" + config.http().port()) && elements(rule.path("to")).stream()
                    .anyMatch(p -> selects(p.path("podSelector").path("matchLabels"), labels) && !p.has("namespaceSelector"))))
                    .as("egress to the peers (API requests forwarded to the owner of a key)").isPresent();
            assertThat(find(egress, rule -> ports(rule, c).containsAll(List.of("UDP/53", "TCP/53")))).as("egress to DNS").isPresent();
        });
    }

    // ---- Prometheus and Alertmanager

    @Test
    void shouldScrapeTheAppWhereItServesMetrics() {
        JsonNode prometheus = DeployFiles.yaml(DeployFiles.DEPLOY.resolve("prometheus/prometheus.yml"));
        Map<String, JsonNode> services = compose.services();
        List<String> checked = new ArrayList<>();
        prometheus.path("scrape_configs").forEach(job -> job.path("static_configs").forEach(sc -> sc.path("targets").forEach(t -> {
            String host = t.asText().substring(0, t.asText().lastIndexOf(':'));
            JsonNode service = services.get(host);
            assertThat(service).as("scrape target " + t.asText() + " is a compose service").isNotNull();
            assertThat(command(service)).isIn("run", "notify");
            CaseflowConfig config = load(Compose.environment(service));
            int port = command(service).equals("notify") ? config.notifications().httpPort() : config.http().port();
            assertThat(t.asText()).isEqualTo(host + ":" + port);
            assertThat(job.path("metrics_path").asText("/metrics")).isEqualTo(HttpApi.METRICS_PATH);
            checked.add(t.asText());
        })));
        assertThat(checked).isNotEmpty();

        JsonNode k8s = DeployFiles.yaml(DeployFiles.DEPLOY.resolve("prometheus/prometheus-kubernetes.yml"));
        manifests.appContainers().forEach((workload, c) -> {
            CaseflowConfig config = load(withTestTokens(manifests.environment(workload, c)));
            JsonNode job = k8s.path("scrape_configs").get(0);
            assertThat(job.path("metrics_path").asText("/metrics")).isEqualTo(HttpApi.METRICS_PATH);
            Map<String, String> keep = new HashMap<>();
            job.path("relabel_configs").forEach(r -> {
                if ("keep".equals(r.path("action").asText())) {
                    keep.put(r.path("source_labels").get(0).asText(), r.path("regex").asText());
                }
            });
            assertThat(containerPort(c, keep.get("__meta_kubernetes_pod_container_port_name"))).isEqualTo(config.http().port());
            assertThat(manifests.podLabels(workload).get("app")).matches(keep.get("__meta_kubernetes_pod_label_app"));
        });
    }

    @Test
    void shouldSendAlertsToTheShippedAlertmanager() {
        JsonNode prometheus = DeployFiles.yaml(DeployFiles.DEPLOY.resolve("prometheus/prometheus.yml"));
        Map<String, JsonNode> services = compose.services();
        List<String> targets = new ArrayList<>();
        prometheus.path("alerting").path("alertmanagers").forEach(am -> am.path("static_configs")
                .forEach(sc -> sc.path("targets").forEach(t -> targets.add(t.asText()))));
        assertThat(targets).isNotEmpty();
        for (String target : targets) {
            JsonNode service = services.get(target.substring(0, target.lastIndexOf(':')));
            assertThat(service).as(target + " is a compose service").isNotNull();
            assertThat(service.path("image").asText()).startsWith("prom/alertmanager:");
            List<String> args = DeployFiles.words(service.path("command"));
            String listen = flag(args, "--web.listen-address", ":9093");
            assertThat(target.substring(target.lastIndexOf(':'))).isEqualTo(listen.substring(listen.lastIndexOf(':')));
            String configFile = flag(args, "--config.file", "/etc/alertmanager/alertmanager.yml");
            assertThat(Compose.mounts(service)).as("the shipped alertmanager.yml is mounted at --config.file")
                    .containsEntry(configFile, "./alertmanager/alertmanager.yml");
        }
        JsonNode alertmanager = DeployFiles.yaml(DeployFiles.DEPLOY.resolve("alertmanager/alertmanager.yml"));
        JsonNode route = alertmanager.path("route");
        List<String> receivers = new ArrayList<>();
        alertmanager.path("receivers").forEach(r -> receivers.add(r.path("name").asText()));
        assertThat(receivers).contains(route.path("receiver").asText());
        assertThat(DeployFiles.words(route.path("group_by"))).contains("court", "level");
    }

    @Test
    void shouldShipAnAlertmanagerConfigThatAmtoolAccepts() throws Exception {
        assumeTrue(amtoolInstalled(), "amtool missing: ./test.sh installs the Debian package prometheus-alertmanager");
        Process p = new ProcessBuilder("amtool", "check-config", "deploy/alertmanager/alertmanager.yml").inheritIO().start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS) ? p.exitValue() : -1).isZero();
    }

    // ---- helpers

    private String kafkaService() {
        return compose.services().entrySet().stream().filter(e -> e.getValue().path("image").asText().startsWith("apache/kafka:"))
                .map(Map.Entry::getKey).findFirst().orElseThrow(() -> new AssertionError("no apache/kafka service in compose"));
    }

    private static String probe(JsonNode container, String probe, int port) {
        JsonNode get = container.path(probe).path("httpGet");
        assertThat(get.isMissingNode()).as(probe + " is an HTTP GET").isFalse();
        assertThat(Manifests.port(container, get.path("port"))).as(probe + " port").isEqualTo(port);
        return get.path("path").asText();
    }

    private Map<String, Map<String, String>> caseflowEnvironments() {
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        compose.services().forEach((name, s) -> {
            if (s.path("image").asText().startsWith("caseflow:")) {
                all.put("compose " + name, Compose.environment(s));
            }
        });
        manifests.podSpecs().forEach((workload, pod) -> containers(pod).forEach(c ->
                all.put(workload + "/" + c.path("name").asText(), manifests.environment(workload, c))));
        return all;
    }

    /** As the app would load it, the secret file's content replaced by a valid test entry. */
    private static CaseflowConfig load(Map<String, String> env) {
        return ConfigLoader.load(null, withTestTokens(env));
    }

    /** The shipped Secret holds a value the app refuses (see {@link #shouldShipNoWorkingApiToken}); other checks use a valid one. */
    private static Map<String, String> withTestTokens(Map<String, String> env) {
        Map<String, String> copy = new HashMap<>(env);
        copy.computeIfPresent("CASEFLOW_API_TOKENS", (k, v) -> VALID_TEST_TOKENS);
        if (copy.remove("CASEFLOW_API_TOKENS_FILE") != null) {
            copy.put("CASEFLOW_API_TOKENS", VALID_TEST_TOKENS);
        }
        // Other secrets live in files the operator makes: a test value in their place.
        new ArrayList<>(copy.keySet()).stream().filter(k -> k.endsWith("_FILE")).forEach(k -> {
            copy.remove(k);
            copy.put(k.substring(0, k.length() - "_FILE".length()), "test-secret-value");
        });
        return copy;
    }

    /** The state dir as the process sees it: relative paths start at the image's WORKDIR. */
    private static Path stateDir(CaseflowConfig config) {
        return Path.of(DeployFiles.dockerfile("^WORKDIR\\s+(\\S+)")).resolve(config.streams().stateDir()).normalize();
    }

    private static Set<String> cliCommands() {
        return new CommandLine(new CaseflowCli()).getSubcommands().keySet();
    }

    private static String projectVersion() {
        return match(DeployFiles.text(Path.of("pom.xml")), "<artifactId>caseflow-parent</artifactId>\\s*<version>([^<]+)</version>");
    }

    private static String match(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex).isTrue();
        return m.group(1);
    }

    private static List<String> copySources() {
        List<String> sources = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^COPY\\s+(?:--\\S+\\s+)*(\\S+)\\s+\\S+$").matcher(DeployFiles.text(DeployFiles.DOCKERFILE));
        while (m.find()) {
            sources.add(m.group(1));
        }
        return sources;
    }

    private static String flag(List<String> args, String name, String fallback) {
        return args.stream().filter(a -> a.startsWith(name + "=")).map(a -> a.substring(name.length() + 1)).findFirst().orElse(fallback);
    }

    static boolean amtoolInstalled() {
        boolean found = Files.isExecutable(Path.of("/usr/bin/amtool"));
        if (!found && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("amtool is required in CI: ./test.sh installs the Debian package prometheus-alertmanager");
        }
        return found;
    }
}
