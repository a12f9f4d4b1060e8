package org.caseflow.streams.domain.indicators;

import org.caseflow.streams.domain.seeds.TestSeeds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndicatorDefinitionsTest {
    private static final Path SEED = Path.of("seeds/indicators/indicators.yaml");

    @TempDir
    Path dir;

    @Test
    void shouldLoadExactlyTheCalculatorsCodesFromTheSeed() {
        IndicatorDefinitions defs = IndicatorDefinitions.fromSeeds(Path.of("seeds"), TestSeeds.DISK);
        assertThat(defs.codes()).containsExactlyInAnyOrderElementsOf(IndicatorCalculator.knownCodes());
        assertThat(defs.all()).allSatisfy(d -> {
            if (d.interval() != null) {
                assertThat(d.interval().illustrative()).as(d.code()).isTrue();
            }
            if (d.direction() == Direction.NEUTRAL) {
                assertThat(d.interval()).as(d.code()).isNull();
            }
        });
        assertThat(defs.get("CLEARANCE_RATE").nameZh()).isEqualTo("结收比");
        assertThat(defs.get("PENDING_OVER_12M").pointInTime()).isTrue();
        assertThat(defs.get("FILINGS").pointInTime()).isFalse();
    }

    @Test
    void shouldNameFileEntryAndReasonForAMissingDirection() throws IOException {
        Path bad = write(seed().replaceFirst("    direction: HIGHER_IS_BETTER\n", ""));
        assertThatThrownBy(() -> IndicatorDefinitions.load(bad, TestSeeds.DISK))
                .isInstanceOf(IndicatorDefinitionException.class)
                .hasMessageContaining(bad.toString()).hasMessageContaining("entry 4 (CLEARANCE_RATE)")
                .hasMessageContaining("direction");
    }

    @Test
    void shouldRejectAnIntervalWhoseLowIsAboveItsHigh() throws IOException {
        Path bad = write(seed().replace("{low: 0.95, high: 1.05", "{low: 1.05, high: 0.95"));
        assertThatThrownBy(() -> IndicatorDefinitions.load(bad, TestSeeds.DISK))
                .isInstanceOf(IndicatorDefinitionException.class).hasMessageContaining("CLEARANCE_RATE")
                .hasMessageContaining("above high");
    }

    @Test
    void shouldRejectAnIntervalOnANeutralCount() throws IOException {
        Path bad = write(seed().replaceFirst("direction: NEUTRAL\n    unit: COUNT\n    pointInTime: false\n",
                "direction: NEUTRAL\n    unit: COUNT\n    pointInTime: false\n"
                        + "    interval: {low: 1, high: 2, illustrative: true}\n"));
        assertThatThrownBy(() -> IndicatorDefinitions.load(bad, TestSeeds.DISK))
                .isInstanceOf(IndicatorDefinitionException.class).hasMessageContaining("entry 1 (FILINGS)")
                .hasMessageContaining("NEUTRAL");
    }

    @Test
    void shouldRejectCodesTheCalculatorDoesNotKnowAndMissingOnes() throws IOException {
        Path bad = write(seed().replace("code: FILINGS\n", "code: FILINGS_TYPO\n"));
        assertThatThrownBy(() -> IndicatorDefinitions.load(bad, TestSeeds.DISK))
                .isInstanceOf(IndicatorDefinitionException.class)
                .hasMessageContaining("missing [FILINGS]").hasMessageContaining("unknown [FILINGS_TYPO]");
    }

    @Test
    void shouldReportTheLineOfBrokenYaml() throws IOException {
        Path bad = write("indicators:\n  - code: [unclosed\n");
        assertThatThrownBy(() -> IndicatorDefinitions.load(bad, TestSeeds.DISK))
                .isInstanceOf(IndicatorDefinitionException.class).hasMessageContaining("not valid YAML")
                .hasMessageContaining("line");
        assertThatThrownBy(() -> IndicatorDefinitions.load(dir.resolve("absent.yaml"), TestSeeds.DISK))
                .isInstanceOf(IndicatorDefinitionException.class).hasMessageContaining("absent.yaml");
    }

    private static String seed() throws IOException {
        return Files.readString(SEED);
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve("indicators.yaml");
        Files.writeString(file, text);
        return file;
    }
}
