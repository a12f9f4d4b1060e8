package org.caseflow.streams.domain.courts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

import org.caseflow.streams.domain.seeds.SeedException;
import org.caseflow.streams.domain.seeds.TestSeeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CourtRegistryTest {
    @TempDir
    Path dir;

    @Test
    void shouldLoadZhuzhouCourts() {
        CourtRegistry reg = CourtRegistry.load(Path.of("seeds/courts"), TestSeeds.DISK);
        assertThat(reg.all()).hasSize(11);
        Court tianyuan = reg.find(id("湘0211")).orElseThrow();
        assertThat(tianyuan.name()).isEqualTo("株洲市天元区人民法院");
        assertThat(tianyuan.level()).isEqualTo(CourtLevel.BASIC);
        assertThat(tianyuan.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(tianyuan.jurisdiction()).isEqualTo("CN");
        assertThat(reg.ancestors(id("湘0211"))).containsExactly(id("湘02"), id("湘"));
        assertThat(reg.ancestors(id("湘"))).isEmpty();
        assertThat(reg.withSubordinates(id("湘02"))).hasSize(10).contains(id("湘02"), id("湘0202"), id("湘0281"));
        assertThat(reg.withSubordinates(id("湘"))).hasSize(11);
        assertThat(reg.withSubordinates(id("湘0223"))).containsExactly(id("湘0223"));
        assertThat(reg.withSubordinates(id("粤01"))).isEmpty();
        assertThat(reg.higherCourt(id("湘0211"))).contains(id("湘02"));
        assertThat(reg.find(null)).as("an absent court is no court").isEmpty();
        assertThat(reg.supervisionChain()).containsExactly(SupervisionRole.JUDGE, SupervisionRole.DIVISION_CHIEF,
                SupervisionRole.PRESIDENT, SupervisionRole.HIGHER_COURT);
    }

    private Path write(String courts) throws IOException {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, "supervisionChain: [JUDGE, DIVISION_CHIEF, PRESIDENT, HIGHER_COURT]\ncourts:\n" + courts);
        return file;
    }

    private static String court(String code, String level, String parent, String zone) {
        return "  - {code: " + code + ", name: n, nameEn: e, level: " + level + (parent == null ? "" : ", parent: " + parent)
                + ", zone: " + zone + ", jurisdiction: CN}\n";
    }

    @Test
    void shouldRejectUnknownParent() throws IOException {
        Path file = write(court("湘02", "INTERMEDIATE", "湘", "Asia/Shanghai"));
        assertThatThrownBy(() -> CourtRegistry.load(dir, TestSeeds.DISK)).isInstanceOf(SeedException.class)
                .hasMessage(file + ": court 湘02: parent: unknown court '湘'");
    }

    @Test
    void shouldRejectParentNotAbove() throws IOException {
        Path file = write(court("湘02", "INTERMEDIATE", null, "Asia/Shanghai") + court("湘0211", "INTERMEDIATE", "湘02", "Asia/Shanghai"));
        assertThatThrownBy(() -> CourtRegistry.load(dir, TestSeeds.DISK)).isInstanceOf(SeedException.class)
                .hasMessage(file + ": court 湘0211: parent: 湘02 (INTERMEDIATE) is not above INTERMEDIATE");
    }

    @Test
    void shouldRejectBadZone() throws IOException {
        Path file = write(court("湘02", "INTERMEDIATE", null, "Asia/Zhuzhou"));
        assertThatThrownBy(() -> CourtRegistry.load(dir, TestSeeds.DISK)).isInstanceOf(SeedException.class)
                .hasMessage(file + ": court 湘02: zone: 'Asia/Zhuzhou' is not a time zone id");
    }

    @Test
    void shouldRejectDuplicateCode() throws IOException {
        Path file = write(court("湘02", "INTERMEDIATE", null, "Asia/Shanghai") + court("湘02", "INTERMEDIATE", null, "Asia/Shanghai"));
        assertThatThrownBy(() -> CourtRegistry.load(dir, TestSeeds.DISK)).isInstanceOf(SeedException.class)
                .hasMessageStartingWith(file + ": court 湘02: duplicate code");
    }

    @Test
    void shouldRejectUnknownLevel() throws IOException {
        Path file = write(court("湘02", "CITY", null, "Asia/Shanghai"));
        assertThatThrownBy(() -> CourtRegistry.load(dir, TestSeeds.DISK)).isInstanceOf(SeedException.class)
                .hasMessageStartingWith(file + ": court 湘02: level: unknown value 'CITY'");
    }

    private static CourtId id(String code) {
        return new CourtId(code);
    }
}
