package org.caseflow.streams.runtime.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * The validators of {@link ConfigDefinitions}: Kafka {@link ConfigDef.Validator}s whose messages read
 * "key: must be 1..65535, got 99999" (the operator's wording since the first release, kept in docs/operations.md),
 * and which can say what they expect when the text does not even parse as the key's type.
 */
final class Validators {
    private Validators() {
    }

    /** A validator that reports its problems as lines ("key: ...") and says what it expects. */
    interface Rule extends ConfigDef.Validator {
        /** Appends "key: reason" lines for a parsed value; nothing when it is valid. */
        void check(String key, Object value, List<String> problems);

        /** What a value must be, for the problem of text that is not even of the key's type. */
        String unparseable(ConfigDef.Type type, String text);

        @Override
        default void ensureValid(String name, Object value) {
            List<String> problems = new ArrayList<>();
            check(name, value, problems);
            if (!problems.isEmpty()) {
                throw new ConfigException(String.join("\n  ", problems));
            }
        }
    }

    /** A whole number in min..max, never {@code forbidden} (e.g. replication 0); null: no exception. */
    static Rule between(long min, long max) {
        return new Range(min, max, null);
    }

    static Rule betweenExcept(long min, long max, long forbidden) {
        return new Range(min, max, forbidden);
    }

    /** Milliseconds, or -1 for "keep forever". */
    static Rule retention() {
        return new Rule() {
            private static final String EXPECTED = "-1 (forever) or a positive number of milliseconds";

            @Override
            public void check(String key, Object value, List<String> problems) {
                long n = ((Number) value).longValue();
                if (n < -1 || n == 0) {
                    problems.add(key + ": must be " + EXPECTED + ", got " + n);
                }
            }

            @Override
            public String unparseable(ConfigDef.Type type, String text) {
                return "must be " + EXPECTED + ", got '" + text + "'";
            }

            @Override
            public String toString() {
                return EXPECTED;
            }
        };
    }

    /** Text that is not blank. */
    static Rule nonBlank() {
        return text("not empty", (key, text, problems) -> {
            if (text.isBlank()) {
                problems.add(key + ": must not be empty");
            }
        });
    }

    /** A file system path, not blank. */
    static Rule path() {
        return text("a path", (key, text, problems) -> {
            if (text.isBlank()) {
                problems.add(key + ": must not be empty");
                return;
            }
            try {
                Path.of(text.trim());
            } catch (InvalidPathException e) {
                problems.add(key + ": not a valid path: " + e.getMessage());
            }
        });
    }

    /** A path, or empty for "none". */
    static Rule optionalPath() {
        return text("a path or empty", (key, text, problems) -> {
            if (!text.isBlank()) {
                path().check(key, text, problems);
            }
        });
    }

    /** A time zone id of {@link ZoneId#of} ("Asia/Shanghai", "UTC", "+08:00"). */
    static Rule zoneId() {
        return text("a time zone id such as Asia/Shanghai", (key, text, problems) -> {
            String given = text.trim();
            try {
                ZoneId.of(given);
            } catch (DateTimeException e) {
                problems.add(key + ": must be a time zone id such as Asia/Shanghai, got '" + given + "' ("
                        + e.getMessage() + ")");
            }
        });
    }

    /** One of {@code allowed}, compared without case: "must be one of [A, B], got 'x'". */
    static Rule oneOf(String... allowed) {
        return oneOfDescribed("one of " + Arrays.toString(allowed), allowed);
    }

    /** One of {@code allowed}, compared without case, with {@code expected} saying which ("'token' or 'none'"). */
    static Rule oneOfDescribed(String expected, String... allowed) {
        return text(expected, (key, text, problems) -> {
            String given = text.trim();
            if (Arrays.stream(allowed).noneMatch(a -> a.equalsIgnoreCase(given))) {
                problems.add(key + ": must be " + expected + ", got '" + given + "'");
            }
        });
    }

    /** An http:// or https:// URL, or empty for "none". */
    static Rule optionalUrl() {
        return text("an http:// or https:// URL, or empty", (key, text, problems) -> {
            String value = text.trim();
            if (value.isEmpty()) {
                return;
            }
            try {
                URI uri = new URI(value);
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    problems.add(key + ": must be an http:// or https:// URL, got '" + value + "'");
                }
            } catch (URISyntaxException e) {
                problems.add(key + ": not a URL: " + e.getMessage());
            }
        });
    }

    /** Text checked by {@code checker} (a structured value such as the token list); {@code expected} for the docs. */
    static Rule text(String expected, TextCheck checker) {
        return new Rule() {
            @Override
            public void check(String key, Object value, List<String> problems) {
                String text = value instanceof Password p ? p.value() : value == null ? "" : value.toString();
                checker.check(key, text, problems);
            }

            @Override
            public String unparseable(ConfigDef.Type type, String text) {
                return "must be " + expected;
            }

            @Override
            public String toString() {
                return expected;
            }
        };
    }

    /** Checks one key's text, appending "key: reason" lines. */
    interface TextCheck {
        void check(String key, String text, List<String> problems);
    }

    /** Problems of a parser that takes the text and a problem list (the structured keys' own parsers). */
    static TextCheck parsedBy(BiConsumer<String, List<String>> parser) {
        return (key, text, problems) -> parser.accept(text, problems);
    }

    private record Range(long min, long max, Long forbidden) implements Rule {
        @Override
        public void check(String key, Object value, List<String> problems) {
            long n = ((Number) value).longValue();
            if (n < min || n > max || forbidden != null && n == forbidden) {
                problems.add(key + ": must be " + this + ", got " + n);
            }
        }

        @Override
        public String unparseable(ConfigDef.Type type, String text) {
            String kind = type == ConfigDef.Type.INT ? "an integer" : "a whole number";
            return "must be " + kind + " in " + this + ", got '" + text + "'";
        }

        @Override
        public String toString() {
            return min + ".." + max + (forbidden == null ? "" : " except " + forbidden);
        }
    }

    /** "must be true or false" for a boolean that does not parse. */
    static String unparseableBoolean(String text) {
        return "must be true or false, got '" + text.trim().toLowerCase(Locale.ROOT) + "'";
    }
}
