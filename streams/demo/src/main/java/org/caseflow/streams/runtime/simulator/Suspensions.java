package org.caseflow.streams.runtime.simulator;

import java.util.random.RandomGenerator;
import org.caseflow.events.Procedure;
import org.caseflow.events.SuspensionReason;

/**
 * Why and for how long a case's clock is suspended (扣除审限, DOMAIN.md section 3), by category:
 * a public notice runs 30 days and more (CPL 95), appraisals take one to four months, and so on.
 */
final class Suspensions {
    record Kind(SuspensionReason reason, int minDays, int maxDays) {
        int drawDays(RandomGenerator random) {
            return Draw.between(random, minDays, maxDays);
        }
    }

    private static final Weighted<Kind> CIVIL = Weighted.<Kind>builder()
            .add(new Kind(SuspensionReason.PUBLIC_NOTICE, 30, 60), 3)
            .add(new Kind(SuspensionReason.APPRAISAL, 30, 120), 3)
            .add(new Kind(SuspensionReason.SETTLEMENT, 10, 30), 2)
            .add(new Kind(SuspensionReason.JURISDICTION, 15, 45), 2)
            .add(new Kind(SuspensionReason.SUSPENSION, 30, 90), 1)
            .build();
    private static final Weighted<Kind> CRIMINAL = Weighted.<Kind>builder()
            .add(new Kind(SuspensionReason.PSYCHIATRIC_EVALUATION, 30, 60), 2)
            .add(new Kind(SuspensionReason.OTHER, 10, 30), 1)
            .build();
    private static final Weighted<Kind> CRIMINAL_APPEAL = Weighted.<Kind>builder()
            .add(new Kind(SuspensionReason.PROCURATORATE_REVIEW, 20, 30), 3)
            .add(new Kind(SuspensionReason.PSYCHIATRIC_EVALUATION, 30, 60), 1)
            .build();
    private static final Weighted<Kind> ADMINISTRATIVE = Weighted.<Kind>builder()
            .add(new Kind(SuspensionReason.MEDIATION, 10, 30), 2)
            .add(new Kind(SuspensionReason.APPRAISAL, 30, 90), 1)
            .add(new Kind(SuspensionReason.SUSPENSION, 30, 90), 1)
            .build();
    private static final Weighted<Kind> ENFORCEMENT = Weighted.<Kind>builder()
            .add(new Kind(SuspensionReason.AUCTION, 30, 90), 2)
            .add(new Kind(SuspensionReason.AUDIT_VALUATION, 20, 60), 2)
            .add(new Kind(SuspensionReason.ENFORCEMENT_STAY, 15, 60), 1)
            .add(new Kind(SuspensionReason.PUBLIC_NOTICE, 30, 60), 1)
            .build();

    private Suspensions() {
    }

    static Kind draw(SimulatedProcedure procedure, RandomGenerator random) {
        Weighted<Kind> kinds = switch (procedure.category()) {
            case CIVIL -> CIVIL;
            case CRIMINAL -> procedure.procedure() == Procedure.CRIMINAL_SECOND ? CRIMINAL_APPEAL : CRIMINAL;
            case ADMINISTRATIVE -> ADMINISTRATIVE;
            case ENFORCEMENT -> ENFORCEMENT;
        };
        return kinds.draw(random);
    }
}
