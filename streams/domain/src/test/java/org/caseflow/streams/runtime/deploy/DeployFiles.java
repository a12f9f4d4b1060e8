package org.caseflow.streams.runtime.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The deploy files of the repository read as the tools that use them would: YAML files, every Kubernetes
 * manifest under deploy/kubernetes, the Dockerfile, and the environment a Kubernetes container really gets
 * (image ENV, then ConfigMaps of {@code envFrom}, then {@code env} with Secret and field references resolved
 * and {@code $(VAR)} expanded).
 * Paths are relative to the repository root, the tests' working directory.
 */
final class DeployFiles {
    static final Path DEPLOY = Path.of("deploy");
    static final Path COMPOSE = DEPLOY.resolve("docker-compose.yml");
    static final Path DOCKERFILE = DEPLOY.resolve("Dockerfile");
    static final Path KUBERNETES = DEPLOY.resolve("kubernetes");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern KUBERNETES_VARIABLE = Pattern.compile("\\$\\(([A-Za-z0-9_]+)\\)");
    private static final Pattern QUANTITY = Pattern.compile("(\\d+)(Ki|Mi|Gi|Ti|k|M|G|T)?");
    private static final Pattern HEAP_MAX = Pattern.compile("-Xmx(\\d+)([kKmMgG]?)");

    private DeployFiles() {
    }

    static JsonNode yaml(Path file) {
        List<JsonNode> documents = yamlDocuments(file);
        if (documents.size() != 1) {
            throw new AssertionError(file + ": expected one YAML document, found " + documents.size());
        }
        return documents.get(0);
    }

    static List<JsonNode> yamlDocuments(Path file) {
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            List<JsonNode> documents = new ArrayList<>();
            while (it.hasNext()) {
                JsonNode document = it.next();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": not valid YAML", e);
        }
    }

    static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document of every manifest under deploy/kubernetes. */
    static List<JsonNode> kubernetes() {
        try (Stream<Path> files = Files.list(KUBERNETES)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted()
                    .flatMap(f -> yamlDocuments(f).stream()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> objects(List<JsonNode> manifests, String kind) {
        return manifests.stream().filter(m -> kind.equals(m.path("kind").asText())).toList();
    }

    static Optional<JsonNode> object(List<JsonNode> manifests, String kind, String name) {
        return objects(manifests, kind).stream().filter(m -> name.equals(m.path("metadata").path("name").asText())).findFirst();
    }

    /** The {@code ENV} instructions of the Dockerfile: the base of every container's environment. */
    static Map<String, String> dockerfileEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^ENV\\s+([A-Za-z0-9_]+)=(\\S+)").matcher(text(DOCKERFILE));
        while (m.find()) {
            env.put(m.group(1), m.group(2));
        }
        return env;
    }

    /** The ENV of a container's image: the Dockerfile's for the caseflow image (other images are not checked). */
    static Map<String, String> imageEnvironment(JsonNode container) {
        return container.path("image").asText().startsWith("caseflow:") ? dockerfileEnvironment() : Map.of();
    }

    /** The first group of the first match of {@code regex} in the Dockerfile. */
    static String dockerfile(String regex) {
        Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(text(DOCKERFILE));
        if (!m.find()) {
            throw new AssertionError("deploy/Dockerfile: nothing matches " + regex);
        }
        return m.group(1);
    }

    /** A compose entry that may be a string or a list ({@code command}, {@code healthcheck.test}) as one list. */
    static List<String> words(JsonNode node) {
        List<String> words = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(w -> words.add(w.asText()));
        } else if (!node.isMissingNode() && !node.isNull()) {
            words.addAll(List.of(node.asText().trim().split("\\s+")));
        }
        return words;
    }

    /**
     * The environment of a Kubernetes container as the kubelet builds it. {@code metadata.name} is the first
     * pod's name ({@code podName}); a Secret that the manifests do not contain is an error.
     */
    static Map<String, String> containerEnvironment(List<JsonNode> manifests, JsonNode container, String podName) {
        Map<String, String> env = new LinkedHashMap<>(imageEnvironment(container));
        container.path("envFrom").forEach(source -> {
            String name = source.path("configMapRef").path("name").asText();
            JsonNode map = object(manifests, "ConfigMap", name)
                    .orElseThrow(() -> new AssertionError("envFrom names ConfigMap " + name + ", which no manifest defines"));
            map.path("data").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        });
        container.path("env").forEach(variable -> {
            String name = variable.path("name").asText();
            JsonNode from = variable.path("valueFrom");
            String value;
            if (from.has("fieldRef")) {
                value = "metadata.name".equals(from.path("fieldRef").path("fieldPath").asText()) ? podName : "field";
            } else if (from.has("secretKeyRef")) {
                value = secretValue(manifests, from.path("secretKeyRef").path("name").asText(),
                        from.path("secretKeyRef").path("key").asText());
            } else {
                value = expand(variable.path("value").asText(), env);
            }
            env.put(name, value);
        });
        return env;
    }

    static String secretValue(List<JsonNode> manifests, String secret, String key) {
        JsonNode s = object(manifests, "Secret", secret)
                .orElseThrow(() -> new AssertionError("no manifest defines Secret " + secret));
        if (s.path("stringData").has(key)) {
            return s.path("stringData").path(key).asText();
        }
        if (s.path("data").has(key)) {
            return new String(Base64.getDecoder().decode(s.path("data").path(key).asText()), StandardCharsets.UTF_8);
        }
        throw new AssertionError("Secret " + secret + " has no key " + key);
    }

    private static String expand(String value, Map<String, String> env) {
        Matcher m = KUBERNETES_VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = env.getOrDefault(m.group(1), m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return m.appendTail(out).toString();
    }

    /** A Kubernetes memory quantity ({@code 1536Mi}, {@code 2Gi}, {@code 512M}) in bytes. */
    static long bytes(String quantity) {
        Matcher m = QUANTITY.matcher(quantity);
        if (!m.matches()) {
            throw new AssertionError("not a quantity this test reads: " + quantity);
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "" : m.group(2);
        return switch (unit) {
            case "Ki" -> n << 10;
            case "Mi" -> n << 20;
            case "Gi" -> n << 30;
            case "Ti" -> n << 40;
            case "k" -> n * 1_000L;
            case "M" -> n * 1_000_000L;
            case "G" -> n * 1_000_000_000L;
            case "T" -> n * 1_000_000_000_000L;
            default -> n;
        };
    }

    /** The {@code -Xmx} of JVM options in bytes, empty when they set none. */
    static Optional<Long> heapMax(String javaOptions) {
        Matcher m = HEAP_MAX.matcher(javaOptions == null ? "" : javaOptions);
        if (!m.find()) {
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        return Optional.of(switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> n << 10;
            case "m" -> n << 20;
            case "g" -> n << 30;
            default -> n;
        });
    }

    /** {@code -Djava.io.tmpdir} of JVM options, else the JVM's default on Linux. */
    static String javaTmpDir(String javaOptions) {
        Matcher m = Pattern.compile("-Djava\\.io\\.tmpdir=(\\S+)").matcher(javaOptions == null ? "" : javaOptions);
        return m.find() ? m.group(1) : "/tmp";
    }
}
