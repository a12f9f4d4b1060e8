package org.caseflow.streams.runtime.simulator;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.caseflow.events.Disposition;
import org.caseflow.events.Procedure;

/**
 * How cases of one procedure behave in the simulation: how many hearings, how often the clock is suspended, the
 * closing dispositions and where an appeal or a remand goes. What the law says of the procedure (category, limit,
 * extension, case-number type code) is not here: {@link ProcedureLaw} reads it from the seeds.
 */
record ProcedureProfile(
        Procedure procedure,
        int minHearings,
        int maxHearings,
        double hearingShare,
        double suspensionShare,
        Weighted<Disposition> dispositions,
        Procedure appealTo,
        Procedure remandTo) {

    boolean firstInstance() {
        return appealTo != null;
    }

    private static final Weighted<Disposition> APPEAL_OUTCOMES = Weighted.<Disposition>builder()
            .add(Disposition.AFFIRMED, Rates.APPEAL_AFFIRMED)
            .add(Disposition.REVERSED, Rates.APPEAL_REVERSED)
            .add(Disposition.REMANDED, Rates.APPEAL_REMANDED)
            .build();

    private static final Map<Procedure, ProcedureProfile> TABLE = table();

    /** The procedures the simulator files cases under, in a fixed order. */
    static Map<Procedure, ProcedureProfile> all() {
        return TABLE;
    }

    private static Map<Procedure, ProcedureProfile> table() {
        Map<Procedure, ProcedureProfile> t = new EnumMap<>(Procedure.class);
        // Civil first instance (CPL 152, 164, 168); summary and small claims are heard once.
        put(t, new ProcedureProfile(Procedure.CIVIL_FIRST_SUMMARY, 1, 2, 0.9, 0.08, civil(0.35, 0.35, 0.25, 0.05),
                Procedure.CIVIL_SECOND_JUDGMENT, null));
        put(t, new ProcedureProfile(Procedure.CIVIL_FIRST_ORDINARY, 1, 3, 0.95, 0.18, civil(0.50, 0.25, 0.17, 0.08),
                Procedure.CIVIL_SECOND_JUDGMENT, null));
        // Small claims judgments are final (CPL 165): no appeal.
        put(t, new ProcedureProfile(Procedure.CIVIL_SMALL_CLAIMS, 1, 1, 0.85, 0.04, civil(0.45, 0.35, 0.20, 0.0),
                null, null));
        put(t, new ProcedureProfile(Procedure.CIVIL_SECOND_JUDGMENT, 1, 1, 0.6, 0.08, APPEAL_OUTCOMES,
                null, Procedure.CIVIL_FIRST_ORDINARY));
        put(t, new ProcedureProfile(Procedure.CIVIL_RETRIAL_REVIEW, 1, 1, 0.3, 0.05, Weighted.<Disposition>builder()
                .add(Disposition.RULING, 0.95).add(Disposition.WITHDRAWN, 0.05).build(), null, null));
        put(t, new ProcedureProfile(Procedure.CIVIL_RETRIAL_SECOND, 1, 2, 0.9, 0.08, Weighted.<Disposition>builder()
                .add(Disposition.AFFIRMED, 0.50).add(Disposition.REVERSED, 0.35)
                .add(Disposition.REMANDED, 0.15).build(), null, Procedure.CIVIL_FIRST_ORDINARY));
        // Criminal (CrPL 208, 220, 225, 243): short summary and speedy procedures rarely pause.
        put(t, new ProcedureProfile(Procedure.CRIMINAL_FIRST, 1, 2, 0.97, 0.06, criminal(0.94, 0.03, 0.03),
                Procedure.CRIMINAL_SECOND, null));
        put(t, new ProcedureProfile(Procedure.CRIMINAL_SUMMARY, 1, 1, 0.97, 0.01, criminal(0.97, 0.0, 0.03),
                Procedure.CRIMINAL_SECOND, null));
        put(t, new ProcedureProfile(Procedure.CRIMINAL_SPEEDY, 1, 1, 0.98, 0.0, criminal(0.98, 0.0, 0.02),
                Procedure.CRIMINAL_SECOND, null));
        put(t, new ProcedureProfile(Procedure.CRIMINAL_SECOND, 1, 1, 0.5, 0.10, APPEAL_OUTCOMES,
                null, Procedure.CRIMINAL_FIRST));
        // Administrative (ALL 81, 88).
        put(t, new ProcedureProfile(Procedure.ADMIN_FIRST, 1, 2, 0.8, 0.12, Weighted.<Disposition>builder()
                .add(Disposition.JUDGMENT, 0.50).add(Disposition.RULING, 0.30)
                .add(Disposition.WITHDRAWN, 0.20).build(), Procedure.ADMIN_SECOND, null));
        put(t, new ProcedureProfile(Procedure.ADMIN_SECOND, 1, 1, 0.5, 0.08, APPEAL_OUTCOMES,
                null, Procedure.ADMIN_FIRST));
        // Enforcement (法释〔2000〕29号 art. 5): no hearings; outcomes are drawn by EnforcementSteps.
        put(t, new ProcedureProfile(Procedure.ENFORCEMENT, 0, 0, 0.0, 0.15, Weighted.<Disposition>builder()
                .add(Disposition.ENFORCEMENT_COMPLETED, Rates.ENFORCEMENT_COMPLETED)
                .add(Disposition.ENFORCEMENT_TERMINATED_THIS_ROUND, 1 - Rates.ENFORCEMENT_COMPLETED)
                .build(), null, null));
        return Collections.unmodifiableMap(t);
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
