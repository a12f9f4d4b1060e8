package org.caseflow.streams.runtime.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.types.Password;

/**
 * Typed values of the {@code caseflow.*} keys over {@link ConfigDefinitions} (Kafka's {@link AbstractConfig}: parsing,
 * defaults, validation). Built only from values {@link ConfigDefinitions#problems} found no problem in, so reading
 * never fails here.
 */
final class DefinedConfig extends AbstractConfig {
    DefinedConfig(Map<String, String> values) {
        super(ConfigDefinitions.definition(), values, false);
    }

    String text(String key) {
        Object value = get(key);
        return value instanceof Password p ? p.value().trim() : value == null ? "" : value.toString().trim();
    }

    Optional<String> optionalText(String key) {
        String value = text(key);
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    String upper(String key) {
        return text(key).toUpperCase(Locale.ROOT);
    }

    Path path(String key) {
        return Path.of(text(key));
    }

    /** An empty path key means "none". */
    Path optionalPath(String key) {
        return optionalText(key).map(Path::of).orElse(null);
    }

    long number(String key) {
        return ((Number) get(key)).longValue();
    }

    int integer(String key) {
        return ((Number) get(key)).intValue();
    }

    Duration millis(String key) {
        return Duration.ofMillis(number(key));
    }

    Duration days(String key) {
        return Duration.ofDays(number(key));
    }

    boolean flag(String key) {
        return getBoolean(key);
    }
}
