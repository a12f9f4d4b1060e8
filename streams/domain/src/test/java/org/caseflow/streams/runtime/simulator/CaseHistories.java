package org.caseflow.streams.runtime.simulator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseflow.events.CaseClosed;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.CaseFiled;
import org.caseflow.events.ClockResumed;
import org.caseflow.events.ClockSuspended;
import org.caseflow.events.EnforcementPayment;
import org.caseflow.events.ExtensionGranted;
import org.caseflow.events.Procedure;
import org.caseflow.events.ProcedureChanged;

/** Test helper: a simulated stream folded into one history per case, with a reference deadline. */
final class CaseHistories {
    static final class History {
        final List<CaseEvent> events = new ArrayList<>();
        CaseFiled filed;
        Procedure procedure;
        CaseClosed closed;
        int excludedDays;
        int extensionMonths;
        int extensionDays;
        BigDecimal paid = BigDecimal.ZERO;

        /**
         * The brief's base limits (civil summary 3 months, ordinary 6, small claims 2, second instance
         * 3, criminal first 2, summary 20 days, speedy 10, admin first 6, enforcement 6) plus
         * extensions and excluded days; no weekend roll-forward. Civil conversions keep counting from
         * filing (CPL Interp. 258).
         */
        LocalDate deadline() {
            LocalDate filedOn = filed.getFiledOn();
            LocalDate base = switch (procedure) {
                case CIVIL_FIRST_SUMMARY, CIVIL_SECOND_JUDGMENT, CIVIL_RETRIAL_REVIEW, CIVIL_RETRIAL_SECOND,
                        ADMIN_SECOND -> filedOn.plusMonths(3);
                case CIVIL_FIRST_ORDINARY, ADMIN_FIRST, ENFORCEMENT -> filedOn.plusMonths(6);
                case CIVIL_SMALL_CLAIMS, CRIMINAL_FIRST, CRIMINAL_SECOND -> filedOn.plusMonths(2);
                case CRIMINAL_SUMMARY -> filedOn.plusDays(20);
                case CRIMINAL_SPEEDY -> filedOn.plusDays(10);
                default -> throw new IllegalStateException("unexpected " + procedure);
            };
            return base.plusMonths(extensionMonths).plusDays(extensionDays + excludedDays);
        }

        boolean late() {
            return closed != null && closed.getClosedOn().isAfter(deadline());
        }
    }

    final Map<String, History> cases = new LinkedHashMap<>();

    static CaseHistories of(List<CaseEvent> events) {
        CaseHistories h = new CaseHistories();
        events.forEach(h::add);
        return h;
    }

    void add(CaseEvent e) {
        History h = cases.computeIfAbsent(e.getCaseId(), id -> new History());
        h.events.add(e);
        Object p = e.getPayload();
        if (p instanceof CaseFiled f) {
            h.filed = f;
            h.procedure = f.getProcedure();
        } else if (p instanceof ProcedureChanged c) {
            h.procedure = c.getProcedure();
        } else if (p instanceof ClockSuspended s) {
            h.excludedDays -= (int) s.getSuspendedFrom().toEpochDay();
        } else if (p instanceof ClockResumed r) {
            h.excludedDays += (int) r.getResumedOn().toEpochDay();
        } else if (p instanceof ExtensionGranted x) {
            h.extensionMonths += x.getMonths() == null ? 0 : x.getMonths();
            h.extensionDays += x.getDays() == null ? 0 : x.getDays();
        } else if (p instanceof CaseClosed c) {
            h.closed = c;
        } else if (p instanceof EnforcementPayment pay) {
            h.paid = h.paid.add(pay.getAmount());
        }
    }
}
