package org.caseflow.streams.runtime.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.apache.kafka.common.config.ConfigDef;
import org.caseflow.CaseflowException;

/**
 * The key tables of docs/operations.md, printed from {@link ConfigDefinitions}: one for the app
 * ("Configuration") and one for {@code caseflow notify} ("Notifications"). Each stands between marker comments
 * ({@code <!-- config-keys:NAME begin -->} ... {@code end}); {@code ConfigDocsTest} fails when the file differs, and
 * {@code -Dconfig.doc.update=true} on that test (or {@code ./caseflow config --doc --update}) writes them again.
 */
public final class ConfigDocs {
    /** The tables, by marker name, with the keys each shows. */
    public enum Table {
        CASEFLOW("caseflow", key -> !key.startsWith(NOTIFY_PREFIX)),
        NOTIFY("notify", key -> key.startsWith(NOTIFY_PREFIX));

        private final String marker;
        private final Predicate<String> keys;

        Table(String marker, Predicate<String> keys) {
            this.marker = marker;
            this.keys = keys;
        }

        String begin() {
            return "<!-- config-keys:" + marker + " begin (generated from ConfigDefinitions; do not edit by hand) -->";
        }

        String end() {
            return "<!-- config-keys:" + marker + " end -->";
        }
    }

    private static final String NOTIFY_PREFIX = "caseflow.notify.";
    /** The docs page the tables live in, relative to the repository root. */
    public static final Path OPERATIONS = Path.of("docs/operations.md");

    private ConfigDocs() {
    }

    /** One table as Markdown, header included, one line per key in definition order. */
    public static String markdown(Table table) {
        StringBuilder out = new StringBuilder("| key | env variable | default | valid values | meaning |\n|---|---|---|---|---|\n");
        if (table == Table.CASEFLOW) {
            out.append("| `kafka.bootstrap.servers` | `KAFKA_BOOTSTRAP_SERVERS` | (required) | host:port list | the Kafka cluster;"
                    + " every other `kafka.*` key (`KAFKA_*` variable) is passed to the Kafka clients without its prefix |\n");
        }
        for (ConfigDef.ConfigKey key : ConfigDefinitions.definition().configKeys().values()) {
            if (table.keys.test(key.name)) {
                out.append("| `").append(key.name).append("` | ").append(variable(key)).append(" | ")
                        .append(defaultText(key)).append(" | ").append(values(key)).append(" | ")
                        .append(key.documentation).append(" |\n");
            }
        }
        return out.toString();
    }

    private static String variable(ConfigDef.ConfigKey key) {
        String name = "`" + ConfigKeys.environmentVariable(key.name) + "`";
        // Secrets belong in files (Docker and Kubernetes secrets), not in the process environment.
        return key.type == ConfigDef.Type.PASSWORD ? name + " (or `_FILE`)" : name;
    }

    private static String defaultText(ConfigDef.ConfigKey key) {
        return ConfigDefinitions.shownDefault(key.name).orElseGet(() -> {
            String value = String.valueOf(key.defaultValue);
            return value.isEmpty() ? "(empty)" : "`" + value + "`";
        });
    }

    private static String values(ConfigDef.ConfigKey key) {
        if (key.validator != null) {
            return key.validator.toString().replace("|", "\\|");
        }
        return switch (key.type) {
            case BOOLEAN -> "`true`, `false`";
            case PASSWORD -> "secret text";
            default -> key.type.name().toLowerCase(Locale.ROOT);
        };
    }

    /** {@code page} with every table replaced by the current definitions. */
    public static String withTables(String page) {
        String result = page;
        for (Table table : Table.values()) {
            int begin = result.indexOf(table.begin());
            int end = result.indexOf(table.end());
            if (begin < 0 || end < begin) {
                throw new CaseflowException("docs: markers of the " + table.marker + " key table not found: "
                        + table.begin() + " ... " + table.end());
            }
            result = result.substring(0, begin + table.begin().length()) + "\n" + markdown(table)
                    + result.substring(end);
        }
        return result;
    }

    /** Writes the tables into {@code page} (docs/operations.md); true when it changed. */
    public static boolean update(Path page) throws IOException {
        String before = Files.readString(page, StandardCharsets.UTF_8);
        String after = withTables(before);
        if (after.equals(before)) {
            return false;
        }
        Files.writeString(page, after, StandardCharsets.UTF_8);
        return true;
    }

    /** Prints both tables ({@code --update [FILE]}: writes them into docs/operations.md instead). */
    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals("--update")) {
            Path page = args.length > 1 ? Path.of(args[1]) : OPERATIONS;
            System.out.println(page + (update(page) ? ": key tables written" : ": key tables already current"));
            return;
        }
        for (Table table : List.of(Table.values())) {
            System.out.println(markdown(table));
        }
    }
}
