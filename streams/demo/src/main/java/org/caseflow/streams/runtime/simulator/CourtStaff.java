package org.caseflow.streams.runtime.simulator;

import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.caseflow.events.Procedure;

/**
 * Divisions and opaque judge ids (e.g. {@code J-湘0211-07}) of a court; no personal data. Judges are
 * numbered per court, each division owning a consecutive block.
 */
final class CourtStaff {
    private record Division(String name, int firstJudge, int judges) {
    }

    private final String court;
    private final List<Division> civil;
    private final Division criminal;
    private final Division administrative;
    private final Division supervision;
    private final Division enforcement;

    private CourtStaff(String court, boolean intermediate) {
        this.court = court;
        if (intermediate) {
            civil = List.of(new Division("民一庭", 1, 8), new Division("民二庭", 9, 7), new Division("民三庭", 16, 5));
            criminal = new Division("刑一庭", 21, 7);
            administrative = new Division("行政审判庭", 28, 5);
            supervision = new Division("审判监督庭", 33, 5);
            enforcement = new Division("执行局", 38, 6);
        } else {
            civil = List.of(new Division("民一庭", 1, 9), new Division("民二庭", 10, 6));
            criminal = new Division("刑事审判庭", 16, 5);
            administrative = new Division("行政审判庭", 21, 3);
            supervision = new Division("审判监督庭", 24, 2);
            enforcement = new Division("执行局", 26, 8);
        }
    }

    static CourtStaff of(String court, boolean intermediate) {
        return new CourtStaff(court, intermediate);
    }

    /** A division and judge for a new case: [division, judge]. */
    String[] assign(SimulatedProcedure procedure, RandomGenerator random) {
        Division division = switch (procedure.category()) {
            case CRIMINAL -> criminal;
            case ADMINISTRATIVE -> administrative;
            case ENFORCEMENT -> enforcement;
            case CIVIL -> procedure.procedure() == Procedure.CIVIL_RETRIAL_REVIEW
                    || procedure.procedure() == Procedure.CIVIL_RETRIAL_SECOND
                    ? supervision : civil.get(random.nextInt(civil.size()));
        };
        int judge = division.firstJudge() + random.nextInt(division.judges());
        return new String[] {division.name(), String.format(Locale.ROOT, "J-%s-%02d", court, judge)};
    }
}
