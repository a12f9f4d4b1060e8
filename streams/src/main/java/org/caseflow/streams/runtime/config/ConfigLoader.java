package org.caseflow.streams.runtime.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Merges configuration layers into one flat key map: defaults → properties file → environment. Keys
 * are {@code caseflow.*} (Caseflow settings) or {@code kafka.*} (passed through to Kafka without the
 * prefix). Reads the file and the given environment map; nothing else.
 */
public final class ConfigLoader {
    /** Variables of Kafka's own shell scripts, not client properties. */
    private static final Set<String> NOT_KAFKA_PROPERTIES = Set.of("KAFKA_", "KAFKA_HOME", "KAFKA_DEBUG", "KAFKA_VERSION");

    private ConfigLoader() {
    }

    /**
     * @param file optional properties file (null = none)
     * @param env  the environment, usually {@code System.getenv()}
     */
    public static CaseflowConfig load(Path file, Map<String, String> env) {
        return load(file, env, Map.of());
    }

    /** As {@link #load(Path, Map)}, then command-line options on top (they win over everything). */
    public static CaseflowConfig load(Path file, Map<String, String> env, Map<String, String> overrides) {
        Map<String, String> merged = new LinkedHashMap<>();
        if (file != null) {
            merged.putAll(readFile(file));
        }
        merged.putAll(fromEnvironment(env));
        merged.putAll(overrides);
        return CaseflowConfig.of(merged);
    }

    static Map<String, String> readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidConfigException(List.of("config file " + file + ": not found or not a file"));
        }
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidConfigException(List.of("config file " + file + ": " + e.getMessage()));
        }
        Map<String, String> keys = new LinkedHashMap<>();
        props.stringPropertyNames().stream().sorted().forEach(k -> keys.put(k.trim(), props.getProperty(k).trim()));
        return keys;
    }

    /**
     * {@code CASEFLOW_HTTP_PORT} → {@code caseflow.http.port}; {@code KAFKA_BOOTSTRAP_SERVERS} →
     * {@code kafka.bootstrap.servers}. Unknown {@code CASEFLOW_*} variables (the launcher's
     * {@code CASEFLOW_JAVA_OPTS}, for one) are ignored rather than refused, and so are Kafka's script
     * variables ({@code KAFKA_HOME}, {@code KAFKA_*_OPTS}).
     */
    static Map<String, String> fromEnvironment(Map<String, String> env) {
        Map<String, String> keys = new LinkedHashMap<>();
        env.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String name = e.getKey();
            if (name.startsWith("CASEFLOW_")) {
                ConfigKeys.forEnvironmentVariable(name).ifPresent(key -> keys.put(key, e.getValue().trim()));
            } else if (name.startsWith("KAFKA_") && !NOT_KAFKA_PROPERTIES.contains(name) && !name.endsWith("_OPTS")) {
                keys.put(name.toLowerCase(Locale.ROOT).replace('_', '.'), e.getValue().trim());
            }
        });
        return keys;
    }
}
