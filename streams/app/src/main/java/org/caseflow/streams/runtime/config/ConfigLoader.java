package org.caseflow.streams.runtime.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
    /** Variables of the {@code caseflow} launcher script, not configuration keys. */
    static final Set<String> LAUNCHER_VARIABLES = Set.of("CASEFLOW_JAVA_OPTS", "CASEFLOW_REBUILD");
    /**
     * A variable named {@code X_FILE} sets what {@code X} would, read from the file it names (whole, trimmed)
     * (Docker and Kubernetes secrets are mounted as files, and a value in a file is not in the process environment).
     */
    static final String FILE_SUFFIX = "_FILE";

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
        List<String> problems = new ArrayList<>();
        merged.putAll(fromEnvironment(env, problems));
        merged.putAll(overrides);
        try {
            CaseflowConfig config = CaseflowConfig.of(merged);
            if (!problems.isEmpty()) {
                throw new InvalidConfigException(problems);
            }
            return config;
        } catch (InvalidConfigException e) {
            List<String> all = new ArrayList<>(problems);
            all.addAll(e.problems().stream().filter(p -> !problems.contains(p)).toList());
            throw new InvalidConfigException(all);
        }
    }

    /**
     * For commands that never connect to Kafka (replay, report from an events file, the bench's in-process phases):
     * the file (null: none, and then the environment is not read either, so such a command without {@code --config}
     * computes with the defaults whatever the shell holds) and the environment over it, as {@code run} reads them;
     * {@code kafka.bootstrap.servers} may be absent.
     */
    public static CaseflowConfig loadOffline(Path file, Map<String, String> env) {
        Map<String, String> placeholder = Map.of(ConfigKeys.KAFKA_PREFIX + "bootstrap.servers", OFFLINE_BOOTSTRAP);
        if (file == null) {
            return CaseflowConfig.of(placeholder);
        }
        Map<String, String> keys = readFile(file);
        boolean bootstrapGiven = keys.containsKey(ConfigKeys.KAFKA_PREFIX + "bootstrap.servers")
                || env.containsKey("KAFKA_BOOTSTRAP_SERVERS") || env.containsKey("KAFKA_BOOTSTRAP_SERVERS_FILE");
        return load(file, env, bootstrapGiven ? Map.of() : placeholder);
    }

    /** The bootstrap servers of an offline configuration: never contacted. */
    static final String OFFLINE_BOOTSTRAP = "offline:9092";

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
     * {@code kafka.bootstrap.servers}; {@code CASEFLOW_API_TOKENS_FILE=/run/secrets/tokens} → {@code caseflow.api.tokens}
     * from that file. An unknown {@code CASEFLOW_*} variable is a problem naming the nearest valid one (a misspelt
     * token variable would otherwise leave the API without its tokens); the launcher's own variables
     * ({@link #LAUNCHER_VARIABLES}) and Kafka's script variables ({@code KAFKA_HOME}, {@code KAFKA_*_OPTS}) are skipped.
     */
    static Map<String, String> fromEnvironment(Map<String, String> env, List<String> problems) {
        Map<String, String> keys = new LinkedHashMap<>();
        env.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String variable = e.getKey();
            boolean fromFile = variable.endsWith(FILE_SUFFIX) && variable.length() > FILE_SUFFIX.length();
            String name = fromFile ? variable.substring(0, variable.length() - FILE_SUFFIX.length()) : variable;
            if (variable.startsWith("CASEFLOW_") && !LAUNCHER_VARIABLES.contains(variable)) {
                Optional<String> key = ConfigKeys.forEnvironmentVariable(name);
                if (key.isPresent()) {
                    value(variable, e.getValue(), fromFile, problems).ifPresent(v -> keys.put(key.get(), v));
                } else {
                    problems.add(variable + ": unknown variable" + NearestName.suggestion(variable, knownVariables()));
                }
            } else if (name.startsWith("KAFKA_") && !NOT_KAFKA_PROPERTIES.contains(name) && !name.endsWith("_OPTS")) {
                value(variable, e.getValue(), fromFile, problems)
                        .ifPresent(v -> keys.put(name.toLowerCase(Locale.ROOT).replace('_', '.'), v));
            }
        });
        return keys;
    }

    /** As {@link #fromEnvironment(Map, List)}, throwing on the first problem (tests). */
    static Map<String, String> fromEnvironment(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        Map<String, String> keys = fromEnvironment(env, problems);
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return keys;
    }

    private static Optional<String> value(String variable, String value, boolean fromFile, List<String> problems) {
        if (!fromFile) {
            return Optional.of(value.trim());
        }
        try {
            return Optional.of(Files.readString(Path.of(value.trim()), StandardCharsets.UTF_8).trim());
        } catch (IOException | RuntimeException e) {
            // The file's name only: its content is a secret.
            problems.add(variable + ": cannot read " + value.trim() + " (" + e.getClass().getSimpleName() + ")");
            return Optional.empty();
        }
    }

    /** Every variable name the loader understands, for suggestions. */
    static List<String> knownVariables() {
        List<String> names = new ArrayList<>();
        ConfigKeys.names().forEach(k -> names.add(ConfigKeys.environmentVariable(k)));
        names.addAll(LAUNCHER_VARIABLES);
        return names;
    }
}
