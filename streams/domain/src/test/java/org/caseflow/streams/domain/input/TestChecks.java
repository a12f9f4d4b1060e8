package org.caseflow.streams.domain.input;

import java.nio.file.Path;
import org.caseflow.streams.domain.cases.CaseNumbers;
import org.caseflow.streams.domain.courts.CourtRegistry;
import org.caseflow.streams.domain.seeds.TestSeeds;

/** The content rules over the repository's courts, as {@code caseflow produce} applies them by default. */
public final class TestChecks {
    public static final CourtRegistry COURTS = CourtRegistry.load(Path.of("seeds", "courts"), TestSeeds.DISK);
    public static final CaseNumbers CASE_NUMBERS = CaseNumbers.load(Path.of("seeds"), TestSeeds.DISK);
    public static final EventChecks SEEDED = new EventChecks(COURTS, CASE_NUMBERS);

    private TestChecks() {
    }
}
