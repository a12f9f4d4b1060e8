package org.caseflow.streams.runtime.replay;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.caseflow.events.CaseSnapshot;
import org.caseflow.events.CaseStatus;

/**
 * A policy maker's view of a proposed change of reference data (issue 15, what-if): the same events replayed under the
 * current and an alternative rule table or calendar, compared case by case — the deadline and whether it is breached
 * as of the replay's day under each — with a summary of how many cases move, by procedure and by court.
 *
 * <p>Breached: an open case whose deadline is before the as-of day, or a closed case not closed on time. A case
 * without a deadline (a procedure without a limit, a stopped clock) is never breached.
 */
public final class WhatIf {
    /** One case under both sets of data; a deadline is null when there is none. */
    public record Row(String caseId, String court, String procedure, LocalDate deadline, LocalDate alternative,
            boolean breached, boolean alternativeBreached) {
        public boolean moved() {
            return !Objects.equals(deadline, alternative);
        }

        public boolean breachChanged() {
            return breached != alternativeBreached;
        }

        /** Days the deadline moves (later is positive); null when either side has none. */
        public Long days() {
            return deadline == null || alternative == null ? null : ChronoUnit.DAYS.between(deadline, alternative);
        }
    }

    /** Counts of one group (all cases, a procedure, a court). */
    public static final class Tally {
        private int cases;
        private int moved;
        private int later;
        private int earlier;
        private int newlyBreached;
        private int noLongerBreached;

        void add(Row row) {
            cases++;
            if (row.moved()) {
                moved++;
                Long days = row.days();
                if (days != null && days > 0) {
                    later++;
                } else if (days != null) {
                    earlier++;
                }
            }
            if (row.breachChanged()) {
                if (row.alternativeBreached()) {
                    newlyBreached++;
                } else {
                    noLongerBreached++;
                }
            }
        }

        public int cases() {
            return cases;
        }

        public int moved() {
            return moved;
        }

        public int later() {
            return later;
        }

        public int earlier() {
            return earlier;
        }

        public int newlyBreached() {
            return newlyBreached;
        }

        public int noLongerBreached() {
            return noLongerBreached;
        }

        @Override
        public String toString() {
            return moved + " of " + cases + " cases move (" + later + " later, " + earlier + " earlier), "
                    + newlyBreached + " newly breached, " + noLongerBreached + " no longer breached";
        }
    }

    private final List<Row> rows;
    private final Tally total = new Tally();
    private final Map<String, Tally> byProcedure = new TreeMap<>();
    private final Map<String, Tally> byCourt = new TreeMap<>();

    private WhatIf(List<Row> rows) {
        this.rows = List.copyOf(rows);
        for (Row row : rows) {
            total.add(row);
            byProcedure.computeIfAbsent(row.procedure(), k -> new Tally()).add(row);
            byCourt.computeIfAbsent(row.court(), k -> new Tally()).add(row);
        }
    }

    /**
     * Compares two replays of the same events (cases by caseId; a case only one side has, e.g. refused by one rule
     * table, is compared with no deadline on the other side).
     */
    public static WhatIf compare(List<CaseSnapshot> current, List<CaseSnapshot> alternative, LocalDate asOf) {
        Map<String, CaseSnapshot> now = index(current);
        Map<String, CaseSnapshot> alt = index(alternative);
        Map<String, CaseSnapshot> any = new TreeMap<>(alt);
        any.putAll(now);
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, CaseSnapshot> e : any.entrySet()) {
            CaseSnapshot a = now.get(e.getKey());
            CaseSnapshot b = alt.get(e.getKey());
            CaseSnapshot either = e.getValue();
            rows.add(new Row(e.getKey(), either.getCourt(), either.getProcedure().name(), deadline(a), deadline(b),
                    breached(a, asOf), breached(b, asOf)));
        }
        return new WhatIf(rows);
    }

    private static Map<String, CaseSnapshot> index(List<CaseSnapshot> cases) {
        Map<String, CaseSnapshot> map = new TreeMap<>();
        cases.forEach(c -> map.put(c.getCaseId(), c));
        return map;
    }

    private static LocalDate deadline(CaseSnapshot c) {
        return c == null ? null : c.getDeadline();
    }

    static boolean breached(CaseSnapshot c, LocalDate asOf) {
        if (c == null) {
            return false;
        }
        if (c.getStatus() == CaseStatus.CLOSED) {
            return Boolean.FALSE.equals(c.getOnTime());
        }
        return c.getDeadline() != null && c.getDeadline().isBefore(asOf);
    }

    public List<Row> rows() {
        return rows;
    }

    public Tally total() {
        return total;
    }

    public Map<String, Tally> byProcedure() {
        return byProcedure;
    }

    public Map<String, Tally> byCourt() {
        return byCourt;
    }

    /**
     * The report: a header naming the change, one tab-separated line per case (every case, so a spreadsheet can take
     * it whole), then the summary lines, each starting with {@code #}.
     */
    public void print(PrintWriter out, String change, LocalDate asOf) {
        out.println("# what-if as of " + asOf + ": " + change);
        out.println("caseId\tcourt\tprocedure\tdeadline\talternative\tdays\tbreached\talternativeBreached");
        Function<Object, String> text = v -> v == null ? "-" : v.toString();
        for (Row r : rows) {
            out.println(r.caseId() + "\t" + r.court() + "\t" + r.procedure() + "\t" + text.apply(r.deadline()) + "\t"
                    + text.apply(r.alternative()) + "\t" + text.apply(r.days()) + "\t" + yesNo(r.breached()) + "\t"
                    + yesNo(r.alternativeBreached()));
        }
        out.println("# summary: " + total);
        byProcedure.forEach((procedure, t) -> out.println("# procedure " + procedure + ": " + t));
        byCourt.forEach((court, t) -> out.println("# court " + court + ": " + t));
        out.flush();
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }
}
