package org.caseflow.streams.runtime.simulator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Collects a case's events by the local date they are recorded on, in logical order, then gives
 * each a working-hours instant: dates ascending, same-date events in the order they were added,
 * strictly increasing instants. The first event (the filing) keeps the spawn's minute.
 */
final class PlanBuilder {
    private record Draft(LocalDate on, int notBefore, Object payload) {
    }

    private final List<Draft> drafts = new ArrayList<>();

    void add(LocalDate on, Object payload) {
        add(on, 0, payload);
    }

    void add(LocalDate on, int notBeforeMinute, Object payload) {
        drafts.add(new Draft(on, notBeforeMinute, payload));
    }

    CaseRun build(String caseId, String court, int filingMinute, long filedAt, RandomGenerator random) {
        Draft filing = drafts.get(0);
        List<Draft> rest = new ArrayList<>(drafts.subList(1, drafts.size()));
        rest.sort(Comparator.comparing(Draft::on)); // stable: same-date events keep logical order
        if (!rest.isEmpty() && rest.get(0).on().isBefore(filing.on())) {
            throw new IllegalStateException(caseId + ": an event dated before the filing, " + rest.get(0));
        }
        long[] times = new long[drafts.size()];
        Object[] payloads = new Object[drafts.size()];
        times[0] = filedAt;
        payloads[0] = filing.payload();
        LocalDate prevDate = filing.on();
        int prevMinute = filingMinute;
        int i = 0;
        while (i < rest.size()) {
            LocalDate date = rest.get(i).on();
            int end = i;
            while (end < rest.size() && rest.get(end).on().equals(date)) {
                end++;
            }
            int lo = date.equals(prevDate) ? prevMinute + 1 : 0;
            int[] minutes = new int[end - i];
            int span = Math.max(1, WorkingTime.DAY_MINUTES - lo);
            for (int k = 0; k < minutes.length; k++) {
                minutes[k] = lo + random.nextInt(span);
            }
            Arrays.sort(minutes);
            int prev = lo - 1;
            for (int k = 0; k < minutes.length; k++) {
                Draft d = rest.get(i + k);
                int m = Math.max(Math.max(minutes[k], prev + 1), d.notBefore());
                times[i + k + 1] = WorkingTime.at(date, m, random.nextInt(60));
                payloads[i + k + 1] = d.payload();
                prev = m;
            }
            prevDate = date;
            prevMinute = prev;
            i = end;
        }
        return new CaseRun(caseId, court, times, payloads);
    }
}
