package org.caseflow.streams.domain.cases;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.caseflow.streams.domain.deadline.Deadline;
import org.caseflow.streams.domain.indicators.CaseFact;
import org.caseflow.streams.domain.indicators.FactKind;
import org.caseflow.streams.domain.rules.Category;
import org.caseflow.streams.domain.rules.Instance;

/**
 * The indicator facts a case supports, derived from its view. The engine emits the difference
 * between the facts before and after each change, so a late correction (a closure recorded again
 * with another date, an event that turned out to be invalid) takes back what it replaced.
 */
final class FactDeriver {
    private FactDeriver() {
    }

    /**
     * What the case says about itself. {@code overdueNow}: whether an open case is past its deadline
     * at the evaluation instant. Overdue periods are facts like the others, dated from the day after
     * the deadline to the closing day, so a correction (a suspension reported late, a closure dated
     * earlier) takes them back.
     */
    static List<CaseFact> own(CaseView view, Deadline deadline, Category category, Instance instance,
            boolean overdueNow) {
        List<CaseFact> facts = new ArrayList<>();
        if (view == null || !view.filed()) {
            return facts;
        }
        boolean originating = instance == Instance.FIRST && view.originCaseId() == null;
        // Facts and links are keyed by the raw ids: the indicator side is not typed yet (docs/architecture.md).
        String caseId = view.caseId().value();
        String court = view.court().value();
        facts.add(new CaseFact(FactKind.FILED, caseId, court, category, instance, view.filedOn(),
                view.filedOn(), null, null, null, null, null, originating));
        for (CaseView.HeldHearing h : view.hearings()) {
            facts.add(CaseFact.simple(FactKind.HEARING_HELD, caseId, court, category, instance,
                    h.heldOn(), h.onFirstDate()));
        }
        LocalDate due = deadline.date();
        boolean closedLate = view.closed() && due != null && view.closedOn().isAfter(due);
        if (due != null && (closedLate || (!view.closed() && overdueNow))) {
            facts.add(new CaseFact(FactKind.OVERDUE_STARTED, caseId, court, category, instance,
                    due.plusDays(1), view.filedOn(), null, null, null, null, null, false));
        }
        if (closedLate) {
            facts.add(new CaseFact(FactKind.OVERDUE_ENDED, caseId, court, category, instance,
                    view.closedOn(), view.filedOn(), null, null, null, null, null, false));
        }
        if (view.closed()) {
            Boolean onTime = deadline.date() == null ? null : !view.closedOn().isAfter(deadline.date());
            int duration = (int) Math.max(0, ChronoUnit.DAYS.between(view.filedOn(), view.closedOn())
                    - deadline.excludedDays());
            boolean enforcement = category == Category.ENFORCEMENT;
            facts.add(new CaseFact(FactKind.CLOSED, caseId, court, category, instance, view.closedOn(),
                    view.filedOn(), view.disposition(), onTime, duration,
                    enforcement ? view.claimAmount() : null, enforcement ? view.paidTotal() : null, false));
            if (instance == Instance.RETRIAL) {
                facts.add(new CaseFact(FactKind.RETRIAL_DECIDED, caseId, court, category, instance,
                        view.closedOn(), view.filedOn(), view.disposition(), null, null, null, null, false));
            }
        }
        return facts;
    }

    /** What a derived case tells its origin. */
    static List<CaseLink> links(CaseView view, Instance instance) {
        List<CaseLink> links = new ArrayList<>();
        if (view == null || !view.filed() || view.originCaseId() == null) {
            return links;
        }
        String origin = view.originCaseId().value();
        String caseId = view.caseId().value();
        String court = view.court().value();
        links.add(new CaseLink(CaseLink.Kind.FILED, origin, caseId, court, instance,
                view.filedOn(), null, 1));
        if (view.closed()) {
            links.add(new CaseLink(CaseLink.Kind.CLOSED, origin, caseId, court, instance,
                    view.closedOn(), view.disposition(), 1));
        }
        return links;
    }

    /**
     * Facts a link attributes to its origin: appeals and their outcome, retrial petitions, and one
     * more case number of the dispute (lineage; the root is the origin's own origin when it has one).
     */
    static List<CaseFact> attributed(CaseLink link, String court, Category category, Instance instance, String root) {
        List<CaseFact> facts = new ArrayList<>();
        String origin = link.originCaseId();
        LocalDate date = link.date();
        boolean filed = link.kind() == CaseLink.Kind.FILED;
        if (link.derivedInstance() == Instance.SECOND) {
            facts.add(filed
                    ? CaseFact.simple(FactKind.APPEALED, origin, court, category, instance, date, false)
                    : new CaseFact(FactKind.APPEAL_DECIDED, origin, court, category, instance, date, null,
                            link.disposition(), null, null, null, null, false));
        } else if (link.derivedInstance() == Instance.RETRIAL_REVIEW && filed) {
            facts.add(CaseFact.simple(FactKind.RETRIAL_PETITIONED, origin, court, category, instance, date, false));
        }
        if (filed) {
            facts.add(CaseFact.simple(FactKind.LINEAGE, root, court, category, instance, date, false));
        }
        return facts;
    }

    /** Multiset difference: {@code out} gets (item, −1) for each item gone and (item, +1) for each new one. */
    static <T> void diff(List<T> before, List<T> after, BiConsumer<T, Integer> out) {
        List<T> remaining = new ArrayList<>(after);
        for (T item : before) {
            if (!remaining.remove(item)) {
                out.accept(item, -1);
            }
        }
        remaining.forEach(item -> out.accept(item, 1));
    }
}
