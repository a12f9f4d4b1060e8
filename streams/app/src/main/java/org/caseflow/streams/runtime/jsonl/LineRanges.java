package org.caseflow.streams.runtime.jsonl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A set of line numbers kept as ranges ({@code 1–7, 9–12}): what {@code caseflow produce} reports as validated,
 * published or not sent. Lines mostly come in order, so a file of a million lines is a handful of ranges.
 * Not thread-safe.
 */
public final class LineRanges {
    /** first line of a range → its last line; ranges neither overlap nor touch. */
    private final TreeMap<Long, Long> ranges = new TreeMap<>();
    private long count;

    public void add(long line) {
        if (contains(line)) {
            return;
        }
        count++;
        long first = line;
        long last = line;
        Map.Entry<Long, Long> before = ranges.floorEntry(line - 1);
        if (before != null && before.getValue() == line - 1) {
            first = before.getKey();
        }
        Long after = ranges.containsKey(line + 1) ? ranges.remove(line + 1) : null;
        if (after != null) {
            last = after;
        }
        ranges.put(first, last);
    }

    public void addAll(LineRanges other) {
        other.ranges.forEach((first, last) -> {
            for (long line = first; line <= last; line++) {
                add(line);
            }
        });
    }

    public boolean contains(long line) {
        Map.Entry<Long, Long> range = ranges.floorEntry(line);
        return range != null && range.getValue() >= line;
    }

    /** How many lines. */
    public long count() {
        return count;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /** The lines of this set that are in none of {@code others}. */
    public LineRanges without(LineRanges... others) {
        LineRanges rest = new LineRanges();
        ranges.forEach((first, last) -> {
            for (long line = first; line <= last; line++) {
                if (!inAny(line, others)) {
                    rest.add(line);
                }
            }
        });
        return rest;
    }

    private static boolean inAny(long line, LineRanges... sets) {
        for (LineRanges set : sets) {
            if (set.contains(line)) {
                return true;
            }
        }
        return false;
    }

    /** {@code line 8} or {@code lines 1–7, 9–12}. */
    public String describe() {
        return (count == 1 ? "line " : "lines ") + this;
    }

    /** {@code 1–7, 9–12}: en dashes as in prose; a single line alone. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        ranges.forEach((first, last) -> parts.add(first.equals(last) ? String.valueOf(first) : first + "–" + last));
        return String.join(", ", parts);
    }
}
