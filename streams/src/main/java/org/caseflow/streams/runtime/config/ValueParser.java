package org.caseflow.streams.runtime.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads typed values from the merged key map, recording a "key: must ..., got ..." line per bad value. */
final class ValueParser {
    private final Map<String, String> values;
    private final List<String> problems;

    ValueParser(Map<String, String> values, List<String> problems) {
        this.values = values;
        this.problems = problems;
    }

    String text(String key) {
        String value = values.get(key);
        return value == null ? "" : value.trim();
    }

    String nonBlank(String key) {
        String value = text(key);
        if (value.isEmpty()) {
            problems.add(key + ": must not be empty");
            return "invalid";
        }
        return value;
    }

    int intIn(String key, int min, int max) {
        return intIn(key, min, max, Integer.MIN_VALUE);
    }

    /** An integer in min..max, never {@code forbidden} (e.g. replication 0). */
    int intIn(String key, int min, int max, int forbidden) {
        String value = text(key);
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max || n == forbidden) {
                String range = min + ".." + max + (forbidden == Integer.MIN_VALUE ? "" : " except " + forbidden);
                problems.add(key + ": must be " + range + ", got " + value);
                return Math.max(min, 1);
            }
            return n;
        } catch (NumberFormatException e) {
            problems.add(key + ": must be an integer in " + min + ".." + max + ", got '" + value + "'");
            return Math.max(min, 1);
        }
    }

    /** A whole number (e.g. bytes) in min..max. */
    long longIn(String key, long min, long max) {
        String value = text(key);
        try {
            long n = Long.parseLong(value);
            if (n < min || n > max) {
                problems.add(key + ": must be " + min + ".." + max + ", got " + value);
                return min;
            }
            return n;
        } catch (NumberFormatException e) {
            problems.add(key + ": must be a whole number in " + min + ".." + max + ", got '" + value + "'");
            return min;
        }
    }

    /** Milliseconds, or -1 for "keep forever". */
    long retention(String key) {
        String value = text(key);
        try {
            long n = Long.parseLong(value);
            if (n < -1 || n == 0) {
                problems.add(key + ": must be -1 (forever) or a positive number of milliseconds, got " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            problems.add(key + ": must be -1 (forever) or a positive number of milliseconds, got '" + value + "'");
            return -1;
        }
    }

    Path path(String key) {
        String value = nonBlank(key);
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            problems.add(key + ": not a valid path: " + e.getMessage());
            return Path.of(".");
        }
    }

    <E extends Enum<E>> E enumValue(String key, Class<E> type, E fallback) {
        String value = text(key);
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(key + ": must be one of " + Arrays.toString(type.getEnumConstants()) + ", got '" + value + "'");
            return fallback;
        }
    }

    String oneOf(String key, List<String> allowed) {
        String value = text(key).toUpperCase(Locale.ROOT);
        if (!allowed.contains(value)) {
            problems.add(key + ": must be one of " + allowed + ", got '" + text(key) + "'");
            return allowed.get(0);
        }
        return value;
    }
}
