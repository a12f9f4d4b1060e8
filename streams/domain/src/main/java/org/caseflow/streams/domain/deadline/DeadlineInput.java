package org.caseflow.streams.domain.deadline;

import java.time.LocalDate;
import java.util.List;
import org.caseflow.streams.domain.rules.Approver;
import org.caseflow.streams.domain.rules.ExclusionReason;
import org.caseflow.streams.domain.rules.Procedure;

/**
 * What the calculator needs of a case. {@code procedure} is the CURRENT procedure (after conversions);
 * {@code conversions} tell where the clock starts (civil/admin keep the filing date, criminal counts
 * from the conversion day).
 */
public record DeadlineInput(Procedure procedure, LocalDate filedOn, boolean foreignRelated,
        List<Conversion> conversions, List<LocalDate> restarts, List<Extension> extensions, List<Exclusion> exclusions) {

    public DeadlineInput {
        conversions = conversions == null ? List.of() : List.copyOf(conversions);
        restarts = restarts == null ? List.of() : List.copyOf(restarts);
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
        exclusions = exclusions == null ? List.of() : List.copyOf(exclusions);
    }

    /** A plain case: filed, nothing else happened. */
    public static DeadlineInput filed(Procedure procedure, LocalDate filedOn) {
        return new DeadlineInput(procedure, filedOn, false, List.of(), List.of(), List.of(), List.of());
    }

    public DeadlineInput withExtensions(List<Extension> more) {
        return new DeadlineInput(procedure, filedOn, foreignRelated, conversions, restarts, more, exclusions);
    }

    public DeadlineInput withExclusions(List<Exclusion> more) {
        return new DeadlineInput(procedure, filedOn, foreignRelated, conversions, restarts, extensions, more);
    }

    public record Conversion(Procedure fromProcedure, Procedure toProcedure, LocalDate on) {}

    public record Extension(int months, int days, Approver approver, LocalDate grantedOn) {}

    public record Exclusion(ExclusionReason reason, DateInterval interval) {}
}
