package org.caseflow.streams.domain.indicators;

import java.io.ByteArrayOutputStream;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What some facts add to the ledgers of one scope: a {@link MonthLedger} of deltas per month, the delta of the running
 * total (stock counters), and the months to republish ("marks": for each fact the latest month it wrote, as
 * {@link LedgerUpdates#apply} reports). Every counter is a sum, so deltas merge exactly ({@link #addAll}): any grouping
 * of the same facts into deltas gives the same ledgers and the same marks. Mutable, like {@link MonthLedger}.
 *
 * <p>Binary form (version 1), varints as in {@link MonthLedger}: a version byte; the number of marks, each a zig-zag
 * epoch month (year·12 + month − 1); the number of months, each an epoch month, a length and the month's
 * {@link MonthLedger#toBytes()}; then a length and the total's bytes.
 */
public final class LedgerDelta {
    private static final byte VERSION = 1;
    private static final String WHAT = "ledger delta";

    private final NavigableMap<YearMonth, MonthLedger> months = new TreeMap<>();
    private final MonthLedger total = new MonthLedger();
    private final NavigableSet<YearMonth> marks = new TreeSet<>();

    /** The delta of one fact applied with {@code sign}; empty when the fact moves no counter (LINEAGE). */
    public static LedgerDelta of(CaseFact fact, int sign) {
        LedgerDelta delta = new LedgerDelta();
        delta.add(fact, sign);
        return delta;
    }

    /** Adds one fact's effects; false when it has none (LINEAGE, an appeal decided without reversal). */
    public boolean add(CaseFact fact, int sign) {
        List<Effect> effects = Effects.of(fact, sign);
        if (effects.isEmpty()) {
            return false;
        }
        YearMonth latest = null;
        for (Effect e : effects) {
            months.computeIfAbsent(e.month(), m -> new MonthLedger()).apply(e);
            if (e.counter().isStock()) {
                total.apply(e);
            }
            if (latest == null || e.month().isAfter(latest)) {
                latest = e.month();
            }
        }
        marks.add(latest);
        return true;
    }

    /** Adds one month's deltas; {@code marked}: a fact had this as the latest month it wrote. */
    public LedgerDelta addMonth(YearMonth month, MonthLedger ledger, boolean marked) {
        months.computeIfAbsent(month, k -> new MonthLedger()).addAll(ledger);
        if (marked) {
            marks.add(month);
        }
        return this;
    }

    /** Adds deltas of the running total (stock counters). */
    public LedgerDelta addTotal(MonthLedger ledger) {
        total.addAll(ledger);
        return this;
    }

    /** Adds every delta and mark of {@code other} into this one. */
    public LedgerDelta addAll(LedgerDelta other) {
        other.months.forEach((m, ledger) -> months.computeIfAbsent(m, k -> new MonthLedger()).addAll(ledger));
        total.addAll(other.total);
        marks.addAll(other.marks);
        return this;
    }

    /**
     * Adds this delta into the ledgers of {@code scope} and returns the keys written. A month whose deltas cancel out
     * (a fact and its correction in one batch) changes nothing and is not written.
     */
    public List<String> applyTo(ScopeKey scope, LedgerStore store) {
        List<String> written = new ArrayList<>();
        months.forEach((m, ledger) -> add(store, scope.monthKey(m), ledger, written));
        add(store, scope.totalKey(), total, written);
        return written;
    }

    private static void add(LedgerStore store, String key, MonthLedger delta, List<String> written) {
        if (delta.isEmpty()) {
            return;
        }
        MonthLedger existing = store.get(key);
        store.put(key, (existing != null ? existing : new MonthLedger()).addAll(delta));
        written.add(key);
    }

    /** The months whose periods the facts change, oldest first (see IndicatorPeriod.touchedBy in the topology). */
    public NavigableSet<YearMonth> marks() {
        return Collections.unmodifiableNavigableSet(marks);
    }

    /** The per-month deltas (read-only view; callers do not mutate the ledgers). */
    public Map<YearMonth, MonthLedger> months() {
        return Collections.unmodifiableMap(months);
    }

    public MonthLedger total() {
        return total;
    }

    /** True when no fact with an effect was added. */
    public boolean isEmpty() {
        return marks.isEmpty() && months.isEmpty();
    }

    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 + 24 * months.size());
        out.write(VERSION);
        Varints.write(out, marks.size());
        marks.forEach(m -> Varints.writeSigned(out, epochMonth(m)));
        Varints.write(out, months.size());
        months.forEach((m, ledger) -> {
            Varints.writeSigned(out, epochMonth(m));
            writeLedger(out, ledger);
        });
        writeLedger(out, total);
        return out.toByteArray();
    }

    public static LedgerDelta fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new IndicatorException("corrupt ledger delta: no bytes");
        }
        if (bytes[0] != VERSION) {
            throw new IndicatorException("corrupt ledger delta: unknown format version " + bytes[0]);
        }
        LedgerDelta delta = new LedgerDelta();
        int[] pos = {1};
        long marks = Varints.read(bytes, pos, WHAT);
        for (long i = 0; i < marks; i++) {
            delta.marks.add(month(Varints.readSigned(bytes, pos, WHAT)));
        }
        long months = Varints.read(bytes, pos, WHAT);
        for (long i = 0; i < months; i++) {
            YearMonth m = month(Varints.readSigned(bytes, pos, WHAT));
            delta.months.put(m, readLedger(bytes, pos));
        }
        delta.total.addAll(readLedger(bytes, pos));
        if (pos[0] != bytes.length) {
            throw new IndicatorException("corrupt ledger delta: " + (bytes.length - pos[0]) + " trailing bytes");
        }
        return delta;
    }

    private static void writeLedger(ByteArrayOutputStream out, MonthLedger ledger) {
        byte[] b = ledger.toBytes();
        Varints.write(out, b.length);
        out.write(b, 0, b.length);
    }

    private static MonthLedger readLedger(byte[] bytes, int[] pos) {
        long length = Varints.read(bytes, pos, WHAT);
        if (length < 0 || length > bytes.length - pos[0]) {
            throw new IndicatorException("corrupt ledger delta: truncated");
        }
        int from = pos[0];
        pos[0] += (int) length;
        return MonthLedger.fromBytes(Arrays.copyOfRange(bytes, from, pos[0]));
    }

    private static long epochMonth(YearMonth m) {
        return m.getYear() * 12L + m.getMonthValue() - 1;
    }

    private static YearMonth month(long epochMonth) {
        try {
            return YearMonth.of(Math.toIntExact(Math.floorDiv(epochMonth, 12)), (int) Math.floorMod(epochMonth, 12) + 1);
        } catch (RuntimeException e) {
            throw new IndicatorException("corrupt ledger delta: month " + epochMonth + " out of range", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LedgerDelta other && months.equals(other.months) && total.equals(other.total)
                && marks.equals(other.marks);
    }

    @Override
    public int hashCode() {
        return months.hashCode() * 31 + marks.hashCode();
    }

    @Override
    public String toString() {
        return "LedgerDelta{marks=" + marks + ", months=" + months + ", total=" + total + "}";
    }
}
