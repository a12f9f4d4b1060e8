package org.caseflow.streams.domain.cases;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
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
import org.caseflow.streams.domain.rules.ExclusionReason;
import org.caseflow.streams.domain.courts.CourtId;
import org.caseflow.streams.domain.courts.JudgeId;
import org.caseflow.streams.domain.rules.Procedure;
import org.caseflow.streams.domain.rules.ProcedureRule;
import org.caseflow.streams.domain.rules.RuleTable;

/**
 * The mutable accumulator of one fold: events applied one by one in canonical order. It can be
 * resumed from the {@link CaseView} it produced (plus the first scheduled day of each hearing, the one
 * thing a view does not carry), so an event that sorts after every event already folded costs one
 * step, not a refold of the whole history.
 */
final class CaseFold {
    private final RuleTable rules;
    private final CaseId caseId;
    private CourtId court;
    private boolean filed;
    private Procedure originalProcedure;
    private LocalDate filedOn;
    private CaseId originCaseId;
    private BigDecimal claimAmount;
    private boolean foreignRelated;
    private Procedure procedure;
    private String division;
    private JudgeId judge;
    private final List<DeadlineInput.Conversion> conversions = new ArrayList<>();
    private final List<LocalDate> restarts = new ArrayList<>();
    private final List<DeadlineInput.Extension> extensions = new ArrayList<>();
    private final List<DeadlineInput.Exclusion> exclusions = new ArrayList<>();
    private final Map<ExclusionReason, Integer> openByReason = new HashMap<>();
    private LocalDate closedOn;
    private Disposition disposition;
    private LocalDate effectiveOn;
    private LocalDate performanceDueOn;
    private boolean monetary;
    private BigDecimal paid = BigDecimal.ZERO;
    private final Map<String, LocalDate> firstScheduled = new HashMap<>();
    private final List<CaseView.HeldHearing> held = new ArrayList<>();
    private int postponed;
    private final Map<String, String> rejections = new LinkedHashMap<>();
    private final List<String> flags = new ArrayList<>();

    CaseFold(RuleTable rules, CaseId caseId) {
        this.rules = rules;
        this.caseId = caseId;
    }

    /** The accumulator that produced {@code view}: folding on from here equals folding everything again. */
    static CaseFold resume(RuleTable rules, CaseView view, Map<String, LocalDate> firstScheduled) {
        CaseFold f = new CaseFold(rules, view.caseId());
        f.court = view.court();
        f.filed = view.filed();
        f.originalProcedure = view.originalProcedure();
        f.filedOn = view.filedOn();
        f.originCaseId = view.originCaseId();
        f.claimAmount = view.claimAmount();
        f.foreignRelated = view.foreignRelated();
        f.procedure = view.procedure();
        f.division = view.division();
        f.judge = view.judge();
        f.conversions.addAll(view.conversions());
        f.restarts.addAll(view.restarts());
        f.extensions.addAll(view.extensions());
        f.exclusions.addAll(view.exclusions());
        for (int i = 0; i < f.exclusions.size(); i++) {
            // A reason can have one open period at a time (a second suspension is rejected), so the open
            // periods of the view are exactly the fold's open-by-reason map.
            if (f.exclusions.get(i).interval().until() == null) {
                f.openByReason.put(f.exclusions.get(i).reason(), i);
            }
        }
        f.closedOn = view.closedOn();
        f.disposition = view.disposition();
        f.effectiveOn = view.judgmentEffectiveOn();
        f.performanceDueOn = view.performanceDueOn();
        f.monetary = view.monetaryJudgment();
        f.paid = view.paidTotal();
        f.firstScheduled.putAll(firstScheduled);
        f.held.addAll(view.hearings());
        f.postponed = view.postponements();
        f.rejections.putAll(view.rejections());
        f.flags.addAll(view.flags());
        return f;
    }

    /** hearingId → the day it was first scheduled for (what "held on the first date" is judged against). */
    Map<String, LocalDate> firstScheduled() {
        return Map.copyOf(firstScheduled);
    }

    private void reject(CaseEvent event, String reason) {
        rejections.put(event.getEventId(), EventType.of(event).code() + ": " + reason);
    }

    void apply(CaseEvent event, ZoneId zone) {
        Object p = event.getPayload();
        LocalDate occurred = event.getOccurredAt().atZone(zone).toLocalDate();
        LocalDate about = EventType.dayOf(event, zone);
        if (about.isAfter(occurred.plusDays(CaseFolder.MAX_DAYS_AHEAD))) {
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
        if (!filed && !(p instanceof CaseFiled)) {
            reject(event, "case not filed");
            return;
        }
        if (p instanceof CaseFiled f) {
            file(event, f);
            return;
        }
        if (closedOn != null && EventType.of(event).changesTheClock()) {
            reject(event, "case already closed on " + closedOn);
            return;
        }
        if (p instanceof JudgeAssigned a) {
            judge = JudgeId.ofNullable(a.getJudge());
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
                    x.getDays() == null ? 0 : x.getDays(), AvroVocabulary.approver(x.getApprovedBy()), x.getGrantedOn()));
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

    private void file(CaseEvent event, CaseFiled f) {
        if (filed) {
            reject(event, "case already filed on " + filedOn);
            return;
        }
        filed = true;
        court = CourtId.ofNullable(event.getCourt());
        originalProcedure = AvroVocabulary.procedure(f.getProcedure());
        procedure = originalProcedure;
        filedOn = f.getFiledOn();
        originCaseId = CaseId.ofNullable(f.getOriginCaseId());
        claimAmount = f.getClaimAmount();
        foreignRelated = f.getForeignRelated();
        division = f.getDivision();
        judge = JudgeId.ofNullable(f.getJudge());
    }

    private void changeProcedure(CaseEvent event, ProcedureChanged c) {
        Procedure to = AvroVocabulary.procedure(c.getProcedure());
        if (to == procedure) {
            reject(event, "procedure is already " + to);
        } else if (c.getChangedOn().isBefore(filedOn)) {
            reject(event, "changedOn " + c.getChangedOn() + " is before filedOn " + filedOn);
        } else {
            conversions.add(new DeadlineInput.Conversion(procedure, to, c.getChangedOn()));
            procedure = to;
        }
    }

    private void suspend(CaseEvent event, ClockSuspended s) {
        ExclusionReason reason = AvroVocabulary.reason(s.getReason());
        if (openByReason.containsKey(reason)) {
            reject(event, reason + " already suspended since "
                    + exclusions.get(openByReason.get(reason)).interval().from());
            return;
        }
        openByReason.put(reason, exclusions.size());
        exclusions.add(new DeadlineInput.Exclusion(reason, new DateInterval(s.getSuspendedFrom(), null)));
    }

    private void resume(CaseEvent event, ClockResumed r) {
        ExclusionReason reason = AvroVocabulary.reason(r.getReason());
        ExclusionReason closing = reason;
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
        } else if (c.getClosedOn().isBefore(filedOn)) {
            reject(event, "closedOn " + c.getClosedOn() + " is before filedOn " + filedOn);
        } else {
            closedOn = c.getClosedOn();
            disposition = AvroVocabulary.disposition(c.getDisposition());
        }
    }

    /** What the events folded so far say; the accumulator is left as it is (it may fold on). */
    CaseView view() {
        if (!filed) {
            return new CaseView(caseId, court, false, null, null, null, null, null, null, null, false,
                    List.of(), List.of(), List.of(), List.of(), null, null, null, null, false, BigDecimal.ZERO,
                    List.of(), 0, new LinkedHashMap<>(rejections), List.copyOf(flags));
        }
        return new CaseView(caseId, court, true, procedure, originalProcedure, filedOn, division, judge,
                originCaseId, claimAmount, foreignRelated, List.copyOf(conversions), List.copyOf(restarts),
                List.copyOf(extensions), List.copyOf(exclusions), closedOn, disposition, effectiveOn,
                performanceDueOn, monetary, paid, List.copyOf(held), postponed, new LinkedHashMap<>(rejections),
                List.copyOf(flags));
    }
}
