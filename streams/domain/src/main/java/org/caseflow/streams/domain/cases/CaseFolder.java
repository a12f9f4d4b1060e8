package org.caseflow.streams.domain.cases;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.caseflow.events.CaseEvent;
import org.caseflow.streams.domain.rules.RuleTable;

/**
 * Folds a case's events into a {@link CaseView}. The events are first put in a canonical order
 * (filing first, then by the day each event is about, then type, event time and id), so the same
 * set of events gives the same view whatever order they arrived in.
 */
public final class CaseFolder {
    private final RuleTable rules;

    public CaseFolder(RuleTable rules) {
        this.rules = rules;
    }

    /** Events may be recorded late, never early: an event's own date may be at most this far after it occurred. */
    static final int MAX_DAYS_AHEAD = 1;

    /**
     * The canonical order: the fold's result depends only on the set of events. Filings come first,
     * the first one recorded before any other (a second filing cannot rewrite the first by claiming
     * an earlier filedOn); then every other event by the day it is about, its type, event time and id.
     */
    public static Comparator<CaseEvent> canonicalOrder(ZoneId zone) {
        return Comparator.comparing(e -> OrderKey.of(e, zone));
    }

    /** Folds events already in canonical order. */
    public CaseView fold(CaseId caseId, List<CaseEvent> ordered, ZoneId zone) {
        return foldAll(caseId, ordered, zone).view();
    }

    private CaseFold foldAll(CaseId caseId, List<CaseEvent> ordered, ZoneId zone) {
        CaseFold f = new CaseFold(rules, caseId);
        for (CaseEvent event : ordered) {
            f.apply(event, zone);
        }
        return f;
    }

    /**
     * Where the fold stands after {@code event}. An event that sorts after every event folded so far (the
     * usual case: events arrive roughly in the order they happen) is one step from the stored point; any
     * other is folded again with the whole history, which only then is read ({@code history}: the case's
     * events before this one, in any order). Either way the result equals folding the sorted set.
     */
    public FoldPoint advance(CaseId caseId, FoldPoint point, CaseEvent event, ZoneId zone,
            Supplier<List<CaseEvent>> history) {
        OrderKey key = OrderKey.of(event, zone);
        if (point == null) {
            CaseFold f = new CaseFold(rules, caseId);
            f.apply(event, zone);
            return new FoldPoint(f.view(), f.firstScheduled(), key, 1);
        }
        if (point.last().compareTo(key) < 0) {
            CaseFold f = CaseFold.resume(rules, point.view(), point.firstScheduled());
            f.apply(event, zone);
            return new FoldPoint(f.view(), f.firstScheduled(), key, point.events() + 1);
        }
        List<CaseEvent> events = new ArrayList<>(history.get());
        events.add(event);
        events.sort(canonicalOrder(zone));
        CaseFold f = foldAll(caseId, events, zone);
        return new FoldPoint(f.view(), f.firstScheduled(), OrderKey.of(events.get(events.size() - 1), zone),
                events.size());
    }
}
