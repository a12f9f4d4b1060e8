package org.caseflow.streams.domain.indicators;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The lineage view of one scope: the N root disputes with the most case numbers (案-件: one 案 generating many 件).
 *
 * <p>The caller keeps the exact count per root (LINEAGE facts are keyed by the root, so a per-root store on the
 * root's partition is exact) and passes the new count here: {@link #update} is O(log N). While counts only grow the
 * list is exactly the top N, because a root outside it re-enters as soon as its count passes the smallest one. A
 * negative correction can leave a root in the list below one that was evicted earlier and is not re-offered: then
 * the list is the top N of the roots offered since, an approximation accepted for a rare event (documented).
 * Per-partition lists merge exactly into a global one ({@link #merge}).
 */
public final class LineageTop {
    /** Ranked by case numbers (descending), ties by root id. */
    public record Entry(String rootId, long caseNumbers) {
    }

    private static final Comparator<Entry> RANK =
            Comparator.comparingLong(Entry::caseNumbers).reversed().thenComparing(Entry::rootId);

    private final int capacity;
    private final TreeSet<Entry> ranked = new TreeSet<>(RANK);
    private final Map<String, Entry> byRoot = new HashMap<>();

    public LineageTop(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    /** Records that {@code rootId} now has {@code caseNumbers} case numbers (0 or less removes it). */
    public void update(String rootId, long caseNumbers) {
        Entry old = byRoot.remove(rootId);
        if (old != null) {
            ranked.remove(old);
        }
        if (caseNumbers <= 0) {
            return;
        }
        Entry entry = new Entry(rootId, caseNumbers);
        if (ranked.size() < capacity) {
            insert(entry);
        } else if (RANK.compare(entry, ranked.last()) < 0) {
            byRoot.remove(ranked.pollLast().rootId());
            insert(entry);
        }
    }

    /** Best first. */
    public List<Entry> top() {
        return new ArrayList<>(ranked);
    }

    public int capacity() {
        return capacity;
    }

    /** The top N of several partitions' lists: exact, since the global top N is within the union of local tops. */
    public static LineageTop merge(int capacity, Collection<LineageTop> parts) {
        LineageTop merged = new LineageTop(capacity);
        for (LineageTop part : parts) {
            for (Entry e : part.ranked) {
                if (e.caseNumbers() > merged.byRoot.getOrDefault(e.rootId(), new Entry(e.rootId(), 0)).caseNumbers()) {
                    merged.update(e.rootId(), e.caseNumbers());
                }
            }
        }
        return merged;
    }

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(capacity);
            out.writeInt(ranked.size());
            for (Entry e : ranked) {
                out.writeUTF(e.rootId());
                out.writeLong(e.caseNumbers());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static LineageTop fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            LineageTop top = new LineageTop(in.readInt());
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                top.update(in.readUTF(), in.readLong());
            }
            return top;
        } catch (IOException | IllegalArgumentException e) {
            throw new IndicatorException("corrupt lineage top: " + e.getMessage(), e);
        }
    }

    private void insert(Entry entry) {
        ranked.add(entry);
        byRoot.put(entry.rootId(), entry);
    }
}
