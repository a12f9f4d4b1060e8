package org.caseflow.streams.domain.seeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import org.caseflow.streams.topology.ReferenceFiles;
import org.junit.jupiter.api.Test;
import org.caseflow.streams.domain.rules.Procedure;

/** Versions of reference data published on top of the seeds (issue 15): ordering, refusals, which case gets which. */
class ReferenceDataTest {
    /** The default court zone (DESIGN §5): courts published live must be in it. */
    static final java.time.ZoneId LIVE_ZONE = java.time.ZoneId.of("Asia/Shanghai");
    static final Seeds SEEDS = TestSeeds.load(Path.of("seeds"));

    static ReferencePublication calendar2027() {
        return ReferencePublication.parse(ReferenceKind.CALENDAR, "cn-2027.yaml", ReferenceFiles.calendar2027(), null);
    }

    static ReferencePublication rules(int summaryMonths, String propagation) {
        return ReferencePublication.parse(ReferenceKind.RULES, "trial-limits-2027.yaml",
                ReferenceFiles.rulesWithSummaryMonths(summaryMonths), Propagation.ofCode(propagation).orElseThrow());
    }

    @Test
    void shouldOrderVersionsAsPeopleWriteThem() {
        assertThat(ReferenceData.compareVersions("2026.2", "2026.10")).isNegative();
        assertThat(ReferenceData.compareVersions("2027.1", "2026.9")).isPositive();
        assertThat(ReferenceData.compareVersions("2026.1", "2026.1")).isZero();
        assertThat(ReferenceData.compareVersions("2026.1", "2026.1.1")).isNegative();
    }

    @Test
    void shouldTellTheKindFromTheFileAndDefaultThePropagationByKind() {
        assertThat(ReferenceKind.detect(Path.of("c.yaml"), ReferenceFiles.calendar2027())).isEqualTo(ReferenceKind.CALENDAR);
        assertThat(ReferenceKind.detect(Path.of("r.yaml"), ReferenceFiles.rulesWithSummaryMonths(2)))
                .isEqualTo(ReferenceKind.RULES);
        assertThatThrownBy(() -> ReferenceKind.detect(Path.of("x.yaml"), "a: 1\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessageStartingWith("x.yaml: file: not a rules, calendar, courts or indicators seed");
        // A calendar records which days are rest days: CPL 85 rolls any period ending on one forward, pending or not.
        assertThat(calendar2027().propagation()).isEqualTo(Propagation.PENDING);
        assertThat(ReferencePublication.parse(ReferenceKind.RULES, "r.yaml", ReferenceFiles.rulesWithSummaryMonths(2),
                null).propagation()).isEqualTo(Propagation.NEW_CASES);
    }

    @Test
    void shouldRefuseAVersionNotNewerAndTakeTheSameOneAgainAsANoOp() {
        ReferenceData published = ReferenceData.of(SEEDS, LIVE_ZONE).publish(calendar2027());
        assertThat(published.versionOf("calendar/CN")).contains("2027.1");
        assertThat(published.publish(calendar2027())).isSameAs(published);
        ReferencePublication seedAgain = ReferencePublication.parse(ReferenceKind.CALENDAR, "cn-mainland.yaml",
                ReferenceFiles.read(ReferenceFiles.SEED_CALENDAR).getBytes(StandardCharsets.UTF_8), null);
        assertThatThrownBy(() -> published.publish(seedAgain))
                .hasMessage("cn-mainland.yaml: version: '2026.1' is not newer than '2027.1' in force for calendar/CN");
        assertThatThrownBy(() -> ReferenceData.of(SEEDS, LIVE_ZONE).publish(seedAgain)).as("the seed file's own version")
                .hasMessageContaining("'2026.1' is not newer than '2026.1'");
    }

    @Test
    void shouldRefuseAFileWithoutAVersionOrANewCasesFileWithoutAnEffectiveDate() {
        byte[] unversioned = new String(ReferenceFiles.calendar2027(), StandardCharsets.UTF_8)
                .replace("version: \"2027.1\"\n", "").replace("effectiveFrom: 2024-01-01\n", "")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ReferencePublication.parse(ReferenceKind.CALENDAR, "c.yaml", unversioned, null))
                .hasMessage("c.yaml: version: missing: a published file must carry a version");
        byte[] undated = new String(ReferenceFiles.calendar2027(), StandardCharsets.UTF_8)
                .replace("effectiveFrom: 2024-01-01\n", "").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ReferencePublication.parse(ReferenceKind.CALENDAR, "c.yaml", undated,
                Propagation.NEW_CASES)).hasMessageStartingWith("c.yaml: effectiveFrom: missing");
        // Courts are live too (added from a date on, CourtsPublicationTest); an empty file names itself.
        assertThatThrownBy(() -> ReferencePublication.parse(ReferenceKind.COURTS, "courts.yaml", new byte[0], null))
                .isInstanceOf(SeedException.class).hasMessageStartingWith("courts.yaml: ");
    }

    @Test
    void shouldKeepTheOldRuleForCasesFiledBeforeANewCasesVersionTakesEffect() {
        ReferenceData data = ReferenceData.of(SEEDS, LIVE_ZONE).publish(rules(2, "new-cases"));
        LocalDate effective = LocalDate.of(2027, 1, 1);
        assertThat(data.forFiling(effective.minusDays(1)).rules()).isSameAs(SEEDS.rules());
        assertThat(data.forFiling(effective).rules().rule(Procedure.CIVIL_FIRST_SUMMARY).limitAmount()).isEqualTo(2);
        assertThat(data.current().rules().rule(Procedure.CIVIL_FIRST_SUMMARY).limitAmount()).isEqualTo(2);

        // A later new-cases version chains on; a pending one replaces the chain for every case.
        ReferencePublication four = ReferencePublication.parse(ReferenceKind.RULES, "r3.yaml",
                new String(ReferenceFiles.rulesWithSummaryMonths(2), StandardCharsets.UTF_8)
                        .replace("version: \"2027.1\"", "version: \"2027.2\"")
                        .replace("effectiveFrom: 2027-01-01", "effectiveFrom: 2027-07-01")
                        .getBytes(StandardCharsets.UTF_8), Propagation.NEW_CASES);
        ReferenceData chained = data.publish(four);
        assertThat(chained.chains().get("rules/trial-limits")).extracting(ReferencePublication::version)
                .containsExactly("2027.1", "2027.2");
        assertThat(chained.forFiling(LocalDate.of(2027, 3, 1)).rules().version().version()).isEqualTo("2027.1");
        assertThat(chained.forFiling(LocalDate.of(2027, 8, 1)).rules().version().version()).isEqualTo("2027.2");
        assertThat(chained.forFiling(LocalDate.of(2026, 8, 1)).rules()).isSameAs(SEEDS.rules());
    }

    @Test
    void shouldFindTheYearsACalendarChangeMoves() {
        var seeded = SEEDS.calendars().forJurisdiction("CN");
        assertThat(calendar2027().calendar().yearsChangedFrom(seeded)).containsExactly(2027);
        assertThat(seeded.yearsChangedFrom(seeded)).isEmpty();
    }
}
