package org.caseflow.streams.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Progress lines on a clock the test moves: what is printed when, never how fast anything runs. */
class ProgressTest {
    private final StringWriter err = new StringWriter();
    private long nanos;

    private Progress progress(Progress.Mode mode, Duration every) {
        return Progress.start("publishing", "lines", new PrintWriter(err, true),
                new Progress.Settings(mode, every, () -> nanos));
    }

    private void advance(Duration d) {
        nanos += d.toNanos();
    }

    @Test
    void shouldPrintNothingForWorkThatEndsBeforeTheFirstLineIsDue() {
        Progress p = progress(Progress.Mode.LINES, Duration.ofSeconds(10));
        advance(Duration.ofSeconds(9));
        p.update(500, 1.0);
        p.finish();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void shouldPrintALineEveryIntervalAndAFinalLineOffATerminal() {
        Progress p = progress(Progress.Mode.LINES, Duration.ofSeconds(10));
        advance(Duration.ofSeconds(10));
        p.update(20_000, 0.25);
        advance(Duration.ofSeconds(5));
        p.update(30_000, 0.375); // not due yet
        advance(Duration.ofSeconds(5));
        p.update(40_000, 0.5);
        advance(Duration.ofSeconds(20));
        p.update(80_000, 1.0);
        p.finish();
        assertThat(err.toString().lines()).containsExactly(
                "publishing: 20,000 lines, 25%, 2,000 lines/s, ETA 0:30",
                "publishing: 40,000 lines, 50%, 2,000 lines/s, ETA 0:20",
                "publishing: 80,000 lines, 100%, 2,000 lines/s, ETA 0:00",
                "publishing: 80,000 lines in 40.0 s, 2,000 lines/s");
    }

    @Test
    void shouldLeaveOutShareAndEtaWhenTheTotalIsUnknown() {
        Progress p = progress(Progress.Mode.LINES, Duration.ofSeconds(10));
        advance(Duration.ofSeconds(10));
        p.update(1_234, Double.NaN);
        assertThat(err.toString()).isEqualTo("publishing: 1,234 lines, 123 lines/s" + System.lineSeparator());
    }

    @Test
    void shouldRedrawOneLineInPlaceOnATerminalAndEndItAtTheFinish() {
        Progress p = progress(Progress.Mode.TERMINAL, Duration.ofMillis(250));
        advance(Duration.ofSeconds(2));
        p.update(10_000, 0.5);
        advance(Duration.ofSeconds(2));
        p.update(20_000, 1.0);
        p.finish();
        String last = "publishing: 20,000 lines, 100%, 5,000 lines/s, ETA 0:00";
        String done = "publishing: 20,000 lines in 4.0 s, 5,000 lines/s";
        assertThat(err.toString()).isEqualTo("\rpublishing: 10,000 lines, 50%, 5,000 lines/s, ETA 0:02"
                + "\r" + last + "\r" + done + " ".repeat(last.length() - done.length()) + System.lineSeparator());
    }

    @Test
    void shouldPrintOtherMessagesOnTheirOwnLineAndRedrawTheProgressLineBelowThem() {
        Progress p = progress(Progress.Mode.TERMINAL, Duration.ofMillis(250));
        advance(Duration.ofSeconds(1));
        p.update(7, Double.NaN);
        p.println("line 8: type: missing required field");
        String drawn = "publishing: 7 lines, 7 lines/s";
        assertThat(err.toString()).isEqualTo("\r" + drawn + "\r" + " ".repeat(drawn.length()) + "\r"
                + "line 8: type: missing required field" + System.lineSeparator() + drawn);
    }

    @Test
    void shouldNotClaimAnEtaFromTheFirstSecond() {
        Progress p = progress(Progress.Mode.LINES, Duration.ofMillis(100));
        advance(Duration.ofMillis(500));
        p.update(1, 0.0001);
        assertThat(err.toString()).doesNotContain("ETA");
    }

    @Test
    void shouldPrintNothingWhenOff() {
        Progress p = progress(Progress.Mode.OFF, Duration.ZERO);
        advance(Duration.ofMinutes(5));
        p.update(1, 0.5);
        p.finish();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void shouldEndATerminalLineWithoutAFinalFigureAfterAFailure() {
        Progress p = progress(Progress.Mode.TERMINAL, Duration.ofMillis(250));
        advance(Duration.ofSeconds(1));
        p.update(3, Double.NaN);
        p.abandon();
        assertThat(err.toString()).isEqualTo("\rpublishing: 3 lines, 3 lines/s" + System.lineSeparator());
    }

    @Test
    void shouldShowHoursInLongEstimates() {
        assertThat(Progress.clock(59.6)).isEqualTo("1:00");
        assertThat(Progress.clock(3_725)).isEqualTo("1:02:05");
    }
}
