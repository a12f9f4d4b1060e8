package org.caseflow.streams.domain.cases;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseflow.events.CaseClosed;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.CaseFiled;
import org.caseflow.events.ClockRestarted;
import org.caseflow.events.ClockResumed;
import org.caseflow.events.ClockSuspended;
import org.caseflow.events.Disposition;
import org.caseflow.events.EnforcementPayment;
import org.caseflow.events.ExtensionGranted;
import org.caseflow.events.HearingHeld;
import org.caseflow.events.HearingScheduled;
import org.caseflow.events.JudgeAssigned;
import org.caseflow.events.JudgmentEffective;
import org.caseflow.events.ProcedureChanged;
import org.caseflow.streams.domain.EventType;
import org.caseflow.streams.domain.deadline.DateInterval;
import org.caseflow.streams.domain.deadline.DeadlineInput;
import org.caseflow.streams.domain.rules.ProcedureRule;
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
        Comparator<CaseEvent> filings = Comparator.comparing(CaseEvent::getOccurredAt)
                .thenComparing(CaseEvent::getEventId);
        Comparator<CaseEvent> others = Comparator.<CaseEvent, LocalDate>comparing(e -> dayOf(e, zone))
                .thenComparingInt(e -> EventType.of(e).ordinal())
                .thenComparing(CaseEvent::getOccurredAt)
                .thenComparing(CaseEvent::getEventId);
        return (a, b) -> {
            boolean aFiling = a.getPayload() instanceof CaseFiled;
            boolean bFiling = b.getPayload() instanceof CaseFiled;
            if (aFiling != bFiling) {
                return aFiling ? -1 : 1;
            }
            return aFiling ? filings.compare(a, b) : others.compare(a, b);
        };
    }

    /** The day an event is about: its own date field, else the local day it occurred. */
    static LocalDate dayOf(CaseEvent event, ZoneId zone) {
        Object p = event.getPayload();
        if (p instanceof CaseFiled f) {
            return f.getFiledOn();
        } else if (p instanceof ProcedureChanged c) {
            return c.getChangedOn();
        } else if (p instanceof ClockSuspended s) {
            return s.getSuspendedFrom();
        } else if (p instanceof ClockResumed r) {
            return r.getResumedOn();
        } else if (p instanceof ClockRestarted r) {
            return r.getRestartedOn();
        } else if (p instanceof ExtensionGranted x) {
            return x.getGrantedOn();
        } else if (p instanceof CaseClosed c) {
            return c.getClosedOn();
        } else if (p instanceof JudgmentEffective j) {
            return j.getEffectiveOn();
        } else if (p instanceof HearingHeld h) {
            return h.getHeldOn();
        } else if (p instanceof EnforcementPayment pay) {
            return pay.getPaidOn();
        }
        return event.getOccurredAt().atZone(zone).toLocalDate();
    }

    /** Folds events already in canonical order. */
    public CaseView fold(String caseId, List<CaseEvent> ordered, ZoneId zone) {
        Fold f = new Fold(caseId);
        for (CaseEvent event : ordered) {
            f.apply(event, zone);
        }
        return f.view();
    }

    /** Mutable accumulator of one fold; never escapes {@link #fold}. */
    private final class Fold {
        final String caseId;
        String court;
        CaseFiled filing;
        String procedure;
        String division;
        String judge;
        final List<DeadlineInput.Conversion> conversions = new ArrayList<>();
        final List<LocalDate> restarts = new ArrayList<>();
        final List<DeadlineInput.Extension> extensions = new ArrayList<>();
        final List<DeadlineInput.Exclusion> exclusions = new ArrayList<>();
        final Map<String, Integer> openByReason = new HashMap<>();
        LocalDate closedOn;
        Disposition disposition;
        LocalDate effectiveOn;
        LocalDate performanceDueOn;
        boolean monetary;
        BigDecimal paid = BigDecimal.ZERO;
        final Map<String, LocalDate> firstScheduled = new HashMap<>();
        final List<CaseView.HeldHearing> held = new ArrayList<>();
        int postponed;
        final Map<String, String> rejections = new LinkedHashMap<>();
        final List<String> flags = new ArrayList<>();

        Fold(String caseId) {
            this.caseId = caseId;
        }

        void reject(CaseEvent event, String reason) {
            rejections.put(event.getEventId(), EventType.of(event).code() + ": " + reason);
        }

        void apply(CaseEvent event, ZoneId zone) {
            Object p = event.getPayload();
            LocalDate occurred = event.getOccurredAt().atZone(zone).toLocalDate();
            LocalDate about = dayOf(event, zone);
            if (about.isAfter(occurred.plusDays(MAX_DAYS_AHEAD))) {
                reject(event, "its date " + about + " is after the day it was recorded (" + occurred + ")");
                return;
            }
            if (p instanceof CaseFiled f && f.getClaimAmount() != null && f.getClaimAmount().signum() < 0) {
                reject(event, "claimAmount is negative: " + f.getClaimAmount());
                return;
            }
            if (p instanceof EnforcementPayment pay && pay.getAmount().signum() < 0) {
                reject(event, "amount is negative: " + pay.getAmount());
                return;
            }
            if (filing == null && !(p instanceof CaseFiled)) {
                reject(event, "case not filed");
                return;
            }
            if (p instanceof CaseFiled f) {
                if (filing != null) {
                    reject(event, "case already filed on " + filing.getFiledOn());
                    return;
                }
                filing = f;
                court = event.getCourt();
                procedure = f.getProcedure().name();
                division = f.getDivision();
                judge = f.getJudge();
                return;
            }
            if (closedOn != null && changesTheClock(p)) {
                reject(event, "case already closed on " + closedOn);
                return;
            }
            if (p instanceof JudgeAssigned a) {
                judge = a.getJudge();
                if (a.getDivision() != null) {
                    division = a.getDivision();
                }
            } else if (p instanceof ProcedureChanged c) {
                changeProcedure(event, c);
            } else if (p instanceof ClockSuspended s) {
                suspend(event, s);
            } else if (p instanceof ClockResumed r) {
                resume(event, r);
            } else if (p instanceof ClockRestarted r) {
                restart(event, r);
            } else if (p instanceof ExtensionGranted x) {
                extensions.add(new DeadlineInput.Extension(x.getMonths() == null ? 0 : x.getMonths(),
                        x.getDays() == null ? 0 : x.getDays(), x.getApprovedBy().name(), x.getGrantedOn()));
            } else if (p instanceof CaseClosed c) {
                close(event, c);
            } else if (p instanceof JudgmentEffective j) {
                effectiveOn = j.getEffectiveOn();
                performanceDueOn = j.getPerformanceDueOn();
                monetary = j.getMonetary();
            } else if (p instanceof EnforcementPayment pay) {
                paid = paid.add(pay.getAmount());
            } else if (p instanceof HearingScheduled h) {
                firstScheduled.putIfAbsent(h.getHearingId(), h.getScheduledFor().atZone(zone).toLocalDate());
            } else if (p instanceof HearingHeld h) {
                held.add(new CaseView.HeldHearing(h.getHearingId(), h.getHeldOn(),
                        h.getHeldOn().equals(firstScheduled.get(h.getHearingId()))));
            } else if (EventType.of(event) == EventType.HEARING_POSTPONED) {
                postponed++;
            }
        }

        private boolean changesTheClock(Object p) {
            return p instanceof ProcedureChanged || p instanceof ClockSuspended || p instanceof ClockResumed
                    || p instanceof ClockRestarted || p instanceof ExtensionGranted || p instanceof CaseClosed;
        }

        private void changeProcedure(CaseEvent event, ProcedureChanged c) {
            String to = c.getProcedure().name();
            if (to.equals(procedure)) {
                reject(event, "procedure is already " + to);
            } else if (c.getChangedOn().isBefore(filing.getFiledOn())) {
                reject(event, "changedOn " + c.getChangedOn() + " is before filedOn " + filing.getFiledOn());
            } else {
                conversions.add(new DeadlineInput.Conversion(procedure, to, c.getChangedOn()));
                procedure = to;
            }
        }

        private void suspend(CaseEvent event, ClockSuspended s) {
            String reason = s.getReason().name();
            if (openByReason.containsKey(reason)) {
                reject(event, reason + " already suspended since "
                        + exclusions.get(openByReason.get(reason)).interval().from());
                return;
            }
            openByReason.put(reason, exclusions.size());
            exclusions.add(new DeadlineInput.Exclusion(reason, new DateInterval(s.getSuspendedFrom(), null)));
        }

        private void resume(CaseEvent event, ClockResumed r) {
            String reason = r.getReason().name();
            String closing = reason;
            if (!openByReason.containsKey(reason) && openByReason.size() == 1) {
                // One period is open and the resumption names another reason: it ends that period
                // (a recording slip, not a reason to keep the clock stopped forever), and is flagged.
                closing = openByReason.keySet().iterator().next();
                flags.add("resumption " + event.getEventId() + " gives reason " + reason + " but the open period is "
                        + closing);
            }
            Integer index = openByReason.get(closing);
            if (index == null) {
                reject(event, "resuming " + reason + " which was not suspended");
                return;
            }
            DeadlineInput.Exclusion open = exclusions.get(index);
            if (r.getResumedOn().isBefore(open.interval().from())) {
                reject(event, "resumedOn " + r.getResumedOn() + " is before suspendedFrom " + open.interval().from());
                return;
            }
            openByReason.remove(closing);
            exclusions.set(index, new DeadlineInput.Exclusion(closing,
                    new DateInterval(open.interval().from(), r.getResumedOn())));
        }

        private void restart(CaseEvent event, ClockRestarted r) {
            ProcedureRule rule = rules.find(procedure).orElse(null);
            if (rule != null && !rule.restartable()) {
                reject(event, "procedure " + procedure + " has no clock restart");
                return;
            }
            restarts.add(r.getRestartedOn());
        }

        private void close(CaseEvent event, CaseClosed c) {
            if (closedOn != null) {
                reject(event, "case already closed on " + closedOn);
            } else if (c.getClosedOn().isBefore(filing.getFiledOn())) {
                reject(event, "closedOn " + c.getClosedOn() + " is before filedOn " + filing.getFiledOn());
            } else {
                closedOn = c.getClosedOn();
                disposition = c.getDisposition();
            }
        }

        CaseView view() {
            if (filing == null) {
                return new CaseView(caseId, court, false, null, null, null, null, null, null, null, false,
                        List.of(), List.of(), List.of(), List.of(), null, null, null, null, false, BigDecimal.ZERO,
                        List.of(), 0, Map.copyOf(rejections), List.copyOf(flags));
            }
            if (postponed > 0) {
                flags.add("adjournments: " + postponed);
            }
            return new CaseView(caseId, court, true, procedure, filing.getProcedure().name(), filing.getFiledOn(),
                    division, judge, filing.getOriginCaseId(), filing.getClaimAmount(), filing.getForeignRelated(),
                    List.copyOf(conversions), List.copyOf(restarts), List.copyOf(extensions), List.copyOf(exclusions),
                    closedOn, disposition, effectiveOn, performanceDueOn, monetary, paid, List.copyOf(held),
                    postponed, new LinkedHashMap<>(rejections), List.copyOf(flags));
        }
    }
}
