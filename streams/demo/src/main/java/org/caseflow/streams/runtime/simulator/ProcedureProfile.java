package org.caseflow.streams.runtime.simulator;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.caseflow.events.Approver;
import org.caseflow.events.Disposition;
import org.caseflow.events.Procedure;
import org.caseflow.streams.domain.rules.Category;

/**
 * How cases of one procedure behave in the simulation: case-number kind (民初, 刑终 …), base limit
 * and extension (only to shape realistic durations — the deadline engine reads seeds/rules), how
 * many hearings, how often the clock is suspended, the closing dispositions and where an appeal or
 * a remand goes.
 */
record ProcedureProfile(
        Procedure procedure,
        Category category,
        String kind,
        int limitMonths,
        int limitDays,
        int extensionMonths,
        int extensionDays,
        Approver extensionApprover,
        int minHearings,
        int maxHearings,
        double hearingShare,
        double suspensionShare,
        Weighted<Disposition> dispositions,
        Procedure appealTo,
        Procedure remandTo) {

    /** Base deadline before extensions and excluded days (month arithmetic as Civil Code 202). */
    LocalDate baseDeadline(LocalDate filedOn) {
        return limitMonths > 0 ? filedOn.plusMonths(limitMonths) : filedOn.plusDays(limitDays);
    }

    LocalDate extend(LocalDate deadline) {
        return extensionMonths > 0 ? deadline.plusMonths(extensionMonths) : deadline.plusDays(extensionDays);
    }

    boolean firstInstance() {
        return appealTo != null;
    }

    private static final Weighted<Disposition> APPEAL_OUTCOMES = Weighted.<Disposition>builder()
            .add(Disposition.AFFIRMED, Rates.APPEAL_AFFIRMED)
            .add(Disposition.REVERSED, Rates.APPEAL_REVERSED)
            .add(Disposition.REMANDED, Rates.APPEAL_REMANDED)
            .build();

    private static final Map<Procedure, ProcedureProfile> TABLE = table();

    static ProcedureProfile of(Procedure procedure) {
        ProcedureProfile profile = TABLE.get(procedure);
        if (profile == null) {
            throw new IllegalArgumentException("the simulator does not generate " + procedure);
        }
        return profile;
    }

    private static Map<Procedure, ProcedureProfile> table() {
        Map<Procedure, ProcedureProfile> t = new EnumMap<>(Procedure.class);
        // Civil first instance (CPL 152, 164, 168); summary and small claims are heard once.
        put(t, new ProcedureProfile(Procedure.CIVIL_FIRST_SUMMARY, Category.CIVIL, "民初", 3, 0, 1, 0,
                Approver.PRESIDENT, 1, 2, 0.9, 0.08, civil(0.35, 0.35, 0.25, 0.05),
                Procedure.CIVIL_SECOND_JUDGMENT, null));
        put(t, new ProcedureProfile(Procedure.CIVIL_FIRST_ORDINARY, Category.CIVIL, "民初", 6, 0, 6, 0,
                Approver.PRESIDENT, 1, 3, 0.95, 0.18, civil(0.50, 0.25, 0.17, 0.08),
                Procedure.CIVIL_SECOND_JUDGMENT, null));
        // Small claims judgments are final (CPL 165): no appeal.
        put(t, new ProcedureProfile(Procedure.CIVIL_SMALL_CLAIMS, Category.CIVIL, "民初", 2, 0, 1, 0,
                Approver.PRESIDENT, 1, 1, 0.85, 0.04, civil(0.45, 0.35, 0.20, 0.0), null, null));
        put(t, new ProcedureProfile(Procedure.CIVIL_SECOND_JUDGMENT, Category.CIVIL, "民终", 3, 0, 3, 0,
                Approver.PRESIDENT, 1, 1, 0.6, 0.08, APPEAL_OUTCOMES, null, Procedure.CIVIL_FIRST_ORDINARY));
        put(t, new ProcedureProfile(Procedure.CIVIL_RETRIAL_REVIEW, Category.CIVIL, "民申", 3, 0, 3, 0,
                Approver.PRESIDENT, 1, 1, 0.3, 0.05, Weighted.<Disposition>builder()
                        .add(Disposition.RULING, 0.95).add(Disposition.WITHDRAWN, 0.05).build(), null, null));
        put(t, new ProcedureProfile(Procedure.CIVIL_RETRIAL_SECOND, Category.CIVIL, "民再", 3, 0, 3, 0,
                Approver.PRESIDENT, 1, 2, 0.9, 0.08, Weighted.<Disposition>builder()
                        .add(Disposition.AFFIRMED, 0.50).add(Disposition.REVERSED, 0.35)
                        .add(Disposition.REMANDED, 0.15).build(), null, Procedure.CIVIL_FIRST_ORDINARY));
        // Criminal (CrPL 208, 220, 225, 243): short summary and speedy procedures rarely pause.
        put(t, new ProcedureProfile(Procedure.CRIMINAL_FIRST, Category.CRIMINAL, "刑初", 2, 0, 3, 0,
                Approver.HIGHER_COURT, 1, 2, 0.97, 0.06, criminal(0.94, 0.03, 0.03),
                Procedure.CRIMINAL_SECOND, null));
        put(t, new ProcedureProfile(Procedure.CRIMINAL_SUMMARY, Category.CRIMINAL, "刑初", 0, 20, 0, 25,
                Approver.PRESIDENT, 1, 1, 0.97, 0.01, criminal(0.97, 0.0, 0.03),
                Procedure.CRIMINAL_SECOND, null));
        put(t, new ProcedureProfile(Procedure.CRIMINAL_SPEEDY, Category.CRIMINAL, "刑初", 0, 10, 0, 5,
                Approver.PRESIDENT, 1, 1, 0.98, 0.0, criminal(0.98, 0.0, 0.02),
                Procedure.CRIMINAL_SECOND, null));
        put(t, new ProcedureProfile(Procedure.CRIMINAL_SECOND, Category.CRIMINAL, "刑终", 2, 0, 2, 0,
                Approver.HIGH_COURT, 1, 1, 0.5, 0.10, APPEAL_OUTCOMES, null, Procedure.CRIMINAL_FIRST));
        // Administrative (ALL 81, 88).
        put(t, new ProcedureProfile(Procedure.ADMIN_FIRST, Category.ADMINISTRATIVE, "行初", 6, 0, 3, 0,
                Approver.HIGH_COURT, 1, 2, 0.8, 0.12, Weighted.<Disposition>builder()
                        .add(Disposition.JUDGMENT, 0.50).add(Disposition.RULING, 0.30)
                        .add(Disposition.WITHDRAWN, 0.20).build(), Procedure.ADMIN_SECOND, null));
        put(t, new ProcedureProfile(Procedure.ADMIN_SECOND, Category.ADMINISTRATIVE, "行终", 3, 0, 3, 0,
                Approver.HIGH_COURT, 1, 1, 0.5, 0.08, APPEAL_OUTCOMES, null, Procedure.ADMIN_FIRST));
        // Enforcement (法释〔2000〕29号 art. 5): no hearings; outcomes are drawn by EnforcementSteps.
        put(t, new ProcedureProfile(Procedure.ENFORCEMENT, Category.ENFORCEMENT, "执", 6, 0, 3, 0,
                Approver.PRESIDENT, 0, 0, 0.0, 0.15, Weighted.<Disposition>builder()
                        .add(Disposition.ENFORCEMENT_COMPLETED, Rates.ENFORCEMENT_COMPLETED)
                        .add(Disposition.ENFORCEMENT_TERMINATED_THIS_ROUND, 1 - Rates.ENFORCEMENT_COMPLETED)
                        .build(), null, null));
        return t;
    }

    private static void put(Map<Procedure, ProcedureProfile> t, ProcedureProfile p) {
        t.put(p.procedure(), p);
    }

    private static Weighted<Disposition> civil(double judgment, double mediation, double withdrawn, double ruling) {
        return Weighted.<Disposition>builder().add(Disposition.JUDGMENT, judgment)
                .add(Disposition.MEDIATION, mediation).add(Disposition.WITHDRAWN, withdrawn)
                .add(Disposition.RULING, ruling).build();
    }

    private static Weighted<Disposition> criminal(double judgment, double ruling, double withdrawn) {
        return Weighted.<Disposition>builder().add(Disposition.JUDGMENT, judgment)
                .add(Disposition.RULING, ruling).add(Disposition.WITHDRAWN, withdrawn).build();
    }
}
