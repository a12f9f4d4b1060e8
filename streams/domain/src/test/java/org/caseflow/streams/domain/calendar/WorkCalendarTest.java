package org.caseflow.streams.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.caseflow.streams.domain.seeds.SeedException;
import org.caseflow.streams.domain.seeds.TestSeeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkCalendarTest {
    static final Path REAL = Path.of("seeds/calendars/cn-mainland.yaml");

    @TempDir
    Path dir;

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void shouldLoadMainlandCalendar() {
        WorkCalendar cn = WorkCalendar.load(REAL, TestSeeds.DISK);
        assertThat(cn.jurisdiction()).isEqualTo("CN");
        assertThat(cn.rollForward()).isTrue();
        assertThat(cn.covers(2024)).isTrue();
        assertThat(cn.covers(2026)).isTrue();
        assertThat(cn.covers(2027)).isFalse();
        // National Day 2025: 10-01..10-08 off; Saturday 10-11 is a make-up working day
        assertThat(cn.restDayReason(d("2025-10-08"))).contains("National Day");
        assertThat(cn.isRestDay(d("2025-10-09"))).isFalse();
        assertThat(cn.isRestDay(d("2025-10-11"))).isFalse();
        assertThat(cn.isRestDay(d("2025-09-28"))).isFalse();
        assertThat(cn.nextWorkingDayOnOrAfter(d("2025-10-01"))).isEqualTo(d("2025-10-09"));
        // Spring Festival 2026: 02-15..02-23; Saturday 02-14 and 02-28 are working days
        assertThat(cn.isRestDay(d("2026-02-23"))).isTrue();
        assertThat(cn.isRestDay(d("2026-02-14"))).isFalse();
        assertThat(cn.isRestDay(d("2026-02-28"))).isFalse();
        // 2024 single days off
        assertThat(cn.restDayReason(d("2024-06-10"))).contains("Dragon Boat Festival");
        // a year without a schedule: weekends only
        assertThat(cn.isRestDay(d("2027-01-01"))).isFalse();
        assertThat(cn.isRestDay(d("2027-01-02"))).isTrue();
    }

    @Test
    void shouldLoadRegistryOfFolder() {
        CalendarRegistry reg = CalendarRegistry.load(Path.of("seeds/calendars"), TestSeeds.DISK);
        assertThat(reg.forJurisdiction("CN").covers(2025)).isTrue();
        assertThatThrownBy(() -> reg.forJurisdiction("HK")).hasMessageContaining("HK");
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("cal.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void shouldRejectMakeUpDayOnWeekday() throws IOException {
        Path file = write("jurisdiction: CN\nyears:\n  - year: 2025\n    makeUpWorkingDays: [2025-09-29]\n");
        assertThatThrownBy(() -> WorkCalendar.load(file, TestSeeds.DISK)).isInstanceOf(SeedException.class)
                .hasMessage(file + ": year 2025: makeUpWorkingDays: 2025-09-29 is a MONDAY, not a weekend day");
    }

    @Test
    void shouldRejectImpossibleDate() throws IOException {
        Path file = write("jurisdiction: CN\nyears:\n  - year: 2025\n    daysOff:\n      - {name: X, from: 2025-02-30}\n");
        assertThatThrownBy(() -> WorkCalendar.load(file, TestSeeds.DISK)).isInstanceOf(SeedException.class)
                .hasMessage(file + ": year 2025: X: from: '2025-02-30' is not a date (yyyy-mm-dd)");
    }

    @Test
    void shouldRejectRangeEndingBeforeItStarts() throws IOException {
        Path file = write("jurisdiction: CN\nyears:\n  - year: 2025\n    daysOff:\n      - {name: National Day, from: 2025-10-08, to: 2025-10-01}\n");
        assertThatThrownBy(() -> WorkCalendar.load(file, TestSeeds.DISK)).isInstanceOf(SeedException.class)
                .hasMessage(file + ": year 2025: National Day: to 2025-10-01 is before from 2025-10-08");
    }

    @Test
    void shouldRejectDayOffOutsideItsYear() throws IOException {
        Path file = write("jurisdiction: CN\nyears:\n  - year: 2025\n    daysOff:\n      - {name: Y, from: 2026-01-01}\n");
        assertThatThrownBy(() -> WorkCalendar.load(file, TestSeeds.DISK)).isInstanceOf(SeedException.class)
                .hasMessage(file + ": year 2025: Y: 2026-01-01..2026-01-01 is not inside 2025");
    }

    @Test
    void shouldRejectDuplicateYear() throws IOException {
        Path file = write("jurisdiction: CN\nyears:\n  - year: 2025\n  - year: 2025\n");
        assertThatThrownBy(() -> WorkCalendar.load(file, TestSeeds.DISK)).isInstanceOf(SeedException.class)
                .hasMessage(file + ": year 2025: listed twice");
    }
}
