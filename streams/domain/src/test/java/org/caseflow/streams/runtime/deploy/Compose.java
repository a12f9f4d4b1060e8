package org.caseflow.streams.runtime.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** deploy/docker-compose.yml: its services, their mounts and the environment each container gets. */
final class Compose {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(?::?-([^}]*))?}");

    private final JsonNode file = DeployFiles.yaml(DeployFiles.COMPOSE);

    Map<String, JsonNode> services() {
        Map<String, JsonNode> services = new LinkedHashMap<>();
        file.path("services").fields().forEachRemaining(e -> services.put(e.getKey(), e.getValue()));
        return services;
    }

    /** The name of the service running {@code caseflow COMMAND}. */
    String caseflowService(String command) {
        return services().entrySet().stream().filter(e -> Manifests.command(e.getValue()).equals(command))
                .map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new AssertionError("no compose service runs 'caseflow " + command + "'"));
    }

    JsonNode service(String name) {
        return services().get(name);
    }

    /** The top-level {@code secrets:} section. */
    JsonNode secrets() {
        return file.path("secrets");
    }

    boolean declaresVolume(String name) {
        return file.path("volumes").has(name);
    }

    /** Mount target → named volume (bind mounts of host paths left out). */
    static Map<String, String> volumeMounts(JsonNode service) {
        Map<String, String> mounts = new LinkedHashMap<>();
        mounts(service).forEach((target, source) -> {
            if (!source.startsWith(".") && !source.startsWith("/")) {
                mounts.put(target, source);
            }
        });
        return mounts;
    }

    /** Mount target → source, for every short-form volume entry ({@code SOURCE:TARGET[:ro]}). */
    static Map<String, String> mounts(JsonNode service) {
        Map<String, String> mounts = new LinkedHashMap<>();
        service.path("volumes").forEach(v -> {
            String[] parts = v.asText().split(":");
            mounts.put(parts[1], parts[0]);
        });
        return mounts;
    }

    /**
     * A service's environment (map or list form) over the caseflow image's ENV, interpolated as compose would with
     * no variables set ({@code ${VAR:-default}} → default).
     */
    static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new LinkedHashMap<>(DeployFiles.imageEnvironment(service));
        JsonNode environment = service.path("environment");
        if (environment.isArray()) {
            environment.forEach(entry -> {
                String[] pair = entry.asText().split("=", 2);
                env.put(pair[0], pair.length > 1 ? interpolate(pair[1]) : "");
            });
        } else {
            environment.fields().forEachRemaining(e -> env.put(e.getKey(), interpolate(e.getValue().asText())));
        }
        return env;
    }

    static String interpolate(String value) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(2) == null ? "" : m.group(2)));
        }
        return m.appendTail(out).toString();
    }
}
