package org.caseflow.streams.runtime.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of long work, on standard error so that standard output keeps only what was asked for. On a terminal
 * one line is redrawn in place; anywhere else (a log file, a pipe, CI) a full line is printed now and then, so a
 * log shows the work moving without a line per record. Work that ends before the first line is due prints
 * nothing, and then nothing at the end either: quick runs stay as quiet as before.
 *
 * <p>Lines read: {@code publishing: 12,345 lines, 34%, 5,432 lines/s, ETA 0:07} while running and
 * {@code publishing: 76,000 lines in 23.1 s, 3,290 lines/s} at the end. The percentage and ETA need the
 * fraction done (for a file, bytes read of its size); without it they are left out. One thread reports.
 */
public final class Progress {
    /** How progress is shown. */
    public enum Mode {
        /** A line redrawn in place with carriage returns. */
        TERMINAL,
        /** A new line every so often. */
        LINES,
        /** Nothing. */
        OFF
    }

    /**
     * @param every  time between two lines (LINES) or redraws (TERMINAL); also the quiet time at the start
     * @param nanos  the clock, {@link System#nanoTime} outside tests
     */
    public record Settings(Mode mode, Duration every, LongSupplier nanos) {
        static final Duration TERMINAL_EVERY = Duration.ofMillis(250);
        static final Duration LINES_EVERY = Duration.ofSeconds(10);

        /** A redrawn line when a person is at a terminal, a line every 10 s otherwise. */
        public static Settings detect() {
            boolean terminal = System.console() != null && !"dumb".equals(System.getenv("TERM"));
            return terminal ? new Settings(Mode.TERMINAL, TERMINAL_EVERY, System::nanoTime)
                    : new Settings(Mode.LINES, LINES_EVERY, System::nanoTime);
        }
    }

    private final String task;
    private final String unit;
    private final PrintWriter err;
    private final Settings settings;
    private final long start;
    private long nextDraw;
    private long done;
    private double fraction = Double.NaN;
    private boolean shown;
    private String drawn = "";

    private Progress(String task, String unit, PrintWriter err, Settings settings) {
        this.task = task;
        this.unit = unit;
        this.err = err;
        this.settings = settings;
        this.start = settings.nanos().getAsLong();
        this.nextDraw = start + settings.every().toNanos();
    }

    /**
     * @param task what is being done, e.g. {@code publishing}
     * @param unit what is counted, plural, e.g. {@code lines}
     */
    public static Progress start(String task, String unit, PrintWriter err, Settings settings) {
        return new Progress(task, unit, err, settings);
    }

    /**
     * Records how far the work is; prints when a line is due. Cheap enough to call for every record.
     *
     * @param fraction share of the work done, 0..1, or NaN when unknown
     */
    public void update(long count, double fraction) {
        this.done = count;
        this.fraction = fraction;
        if (settings.mode() == Mode.OFF) {
            return;
        }
        long now = settings.nanos().getAsLong();
        if (now - nextDraw >= 0) {
            nextDraw = now + settings.every().toNanos();
            show(running(now));
        }
    }

    /** Prints another message (a rejected line, a warning) without tearing the progress line apart. */
    public void println(String message) {
        if (settings.mode() == Mode.TERMINAL && !drawn.isEmpty()) {
            err.print("\r" + " ".repeat(drawn.length()) + "\r" + message + System.lineSeparator() + drawn);
        } else {
            err.println(message);
        }
        err.flush();
    }

    /** Prints the final line when progress was shown (so a log says the work ended); ends a terminal line. */
    public void finish() {
        if (shown) {
            long now = settings.nanos().getAsLong();
            show(finished(now));
            if (settings.mode() == Mode.TERMINAL) {
                err.println();
                err.flush();
            }
            drawn = "";
        }
    }

    /** Ends a terminal line after a failure, without a final figure that would look like success. */
    public void abandon() {
        if (settings.mode() == Mode.TERMINAL && !drawn.isEmpty()) {
            err.println();
            err.flush();
        }
        drawn = "";
        shown = false;
    }

    /** The count so far. */
    public long done() {
        return done;
    }

    private void show(String text) {
        shown = true;
        if (settings.mode() == Mode.TERMINAL) {
            String padding = " ".repeat(Math.max(0, drawn.length() - text.length()));
            err.print("\r" + text + padding);
            drawn = text;
        } else {
            err.println(text);
        }
        err.flush();
    }

    String running(long now) {
        double seconds = Math.max(1e-9, (now - start) / 1e9);
        StringBuilder line = new StringBuilder(task).append(": ").append(count(done)).append(' ').append(unit);
        boolean known = fraction >= 0 && fraction <= 1;
        if (known) {
            line.append(String.format(Locale.ROOT, ", %d%%", (int) Math.floor(fraction * 100)));
        }
        line.append(", ").append(count(Math.round(done / seconds))).append(' ').append(unit).append("/s");
        // The first second is class loading and JIT warm-up: an estimate from it would be wildly off.
        if (known && fraction > 0 && seconds >= 1) {
            line.append(", ETA ").append(clock(seconds * (1 - fraction) / fraction));
        }
        return line.toString();
    }

    String finished(long now) {
        double seconds = Math.max(1e-9, (now - start) / 1e9);
        return String.format(Locale.ROOT, "%s: %s %s in %.1f s, %s %s/s", task, count(done), unit, seconds,
                count(Math.round(done / seconds)), unit);
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code m:ss}, or {@code h:mm:ss} from an hour on. */
    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
