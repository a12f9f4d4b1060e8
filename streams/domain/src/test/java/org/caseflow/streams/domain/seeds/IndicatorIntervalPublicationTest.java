package org.caseflow.streams.domain.seeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.caseflow.streams.domain.indicators.Band;
import org.caseflow.streams.domain.indicators.Window;
import org.caseflow.streams.topology.ReferenceFiles;
import org.junit.jupiter.api.Test;

/**
 * Indicator reference intervals published as versions (issue 15): effective-dated by period (a version applies to
 * windows ending on or after its effectiveFrom), refused whole when they change more than interval bounds.
 */
class IndicatorIntervalPublicationTest {
    /** The default court zone (DESIGN §5): courts published live must be in it. */
    static final java.time.ZoneId LIVE_ZONE = java.time.ZoneId.of("Asia/Shanghai");
    static final Seeds SEEDS = TestSeeds.load(Path.of("seeds"));

    static ReferencePublication intervals(String version, String effectiveFrom, String low, String high) {
        return ReferencePublication.parse(ReferenceKind.INDICATORS, "indicators-" + version + ".yaml",
                ReferenceFiles.indicatorIntervals(version, effectiveFrom, low, high), null);
    }

    @Test
    void shouldJudgeEachPeriodAgainstTheIntervalVersionInForceWhenItEnds() {
        assertThat(ReferenceKind.detect(Path.of("i.yaml"), ReferenceFiles.indicatorIntervals("2027.1", "2027-02-01",
                "0.4", "0.6"))).isEqualTo(ReferenceKind.INDICATORS);
        ReferenceData data = ReferenceData.of(SEEDS, LIVE_ZONE).publish(intervals("2027.1", "2027-02-01", "0.4", "0.6"));
        // A clearance rate of 0.5: WORSE against the seeds' [0.95, 1.05], IN_RANGE against [0.4, 0.6].
        assertThat(data.indicatorsFor(YearMonth.of(2027, 1)).get("CLEARANCE_RATE").band(0.5, Window.MONTH))
                .isEqualTo(Band.WORSE);
        assertThat(data.indicatorsFor(YearMonth.of(2027, 2)).get("CLEARANCE_RATE").band(0.5, Window.MONTH))
                .isEqualTo(Band.IN_RANGE);
        assertThat(data.indicatorsFor(YearMonth.of(2027, 1))).isSameAs(SEEDS.indicators());
        assertThat(data.versions()).containsEntry(ReferenceData.INDICATORS_KEY, "2027.1");
        assertThat(data.caseVersions()).doesNotContainKey(ReferenceData.INDICATORS_KEY);
        assertThat(data.current()).as("cases are not computed with another seed set").isSameAs(SEEDS);

        // A later version effective mid-March applies to periods ending in March (its last day is after the 15th);
        // the earlier one stays in force for February.
        ReferenceData two = data.publish(intervals("2027.2", "2027-03-15", "0.7", "0.8"));
        assertThat(two.indicatorsFor(YearMonth.of(2027, 2)).version().version()).isEqualTo("2027.1");
        assertThat(two.indicatorsFor(YearMonth.of(2027, 3)).version().version()).isEqualTo("2027.2");
        assertThat(two.indicatorSignature()).isEqualTo("2027.1@2027-02-01\n2027.2@2027-03-15");
    }

    @Test
    void shouldRefuseAVersionThatChangesMoreThanIntervalBounds() {
        String seed = ReferenceFiles.read(ReferenceFiles.SEED_INDICATORS).replace("version: \"2025.1\"",
                "version: \"2027.1\"");
        byte[] direction = seed.replaceFirst("direction: HIGHER_IS_BETTER", "direction: LOWER_IS_BETTER")
                .getBytes(StandardCharsets.UTF_8);
        ReferencePublication p = ReferencePublication.parse(ReferenceKind.INDICATORS, "ind.yaml", direction, null);
        assertThatThrownBy(() -> ReferenceData.of(SEEDS, LIVE_ZONE).publish(p)).isInstanceOf(SeedException.class)
                .hasMessage("ind.yaml: entry 4 (CLEARANCE_RATE): only interval low, high and illustrative can be"
                        + " published live; names, formula, source, direction, unit and pointInTime differ from the"
                        + " seeds (redeploy for those)");
        assertThatThrownBy(() -> ReferenceData.of(SEEDS, LIVE_ZONE).withChain(ReferenceData.INDICATORS_KEY, List.of(p)))
                .as("a record written past the CLI is refused the same way").isInstanceOf(SeedException.class);

        byte[] windows = seed.replace("interval: {low: 0.95, high: 1.05, illustrative: true}",
                "interval: {low: 0.95, high: 1.05, illustrative: true, windows: [MONTH]}").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ReferenceData.of(SEEDS, LIVE_ZONE).publish(ReferencePublication.parse(ReferenceKind.INDICATORS,
                "ind.yaml", windows, null))).hasMessageStartingWith("ind.yaml: entry 4 (CLEARANCE_RATE): interval windows");

        byte[] inverted = ReferenceFiles.indicatorIntervals("2027.1", "2027-02-01", "0.9", "0.5");
        assertThatThrownBy(() -> ReferencePublication.parse(ReferenceKind.INDICATORS, "ind.yaml", inverted, null))
                .isInstanceOf(SeedException.class)
                .hasMessage("ind.yaml: entry 4 (CLEARANCE_RATE): interval low 0.9 is above high 0.5");

        byte[] undated = seed.replace("effectiveFrom: 2025-01-01\n", "").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ReferencePublication.parse(ReferenceKind.INDICATORS, "ind.yaml", undated, null))
                .hasMessageStartingWith("ind.yaml: effectiveFrom: missing");
        assertThatThrownBy(() -> ReferencePublication.parse(ReferenceKind.INDICATORS, "ind.yaml",
                ReferenceFiles.indicatorIntervals("2027.1", "2027-02-01", "0.4", "0.6"), Propagation.PENDING))
                .hasMessageStartingWith("ind.yaml: propagation: indicator intervals apply by period");
        assertThatThrownBy(() -> ReferenceData.of(SEEDS, LIVE_ZONE).publish(intervals("2024.9", "2027-02-01", "0.4", "0.6")))
                .hasMessageContaining("'2024.9' is not newer than '2025.1' in force for indicators/definitions");
    }
}
