package org.caseflow.streams.runtime.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The figures of one bench run, printed as they come and once more as a table (and as JSON lines on request). */
public final class Figures {
    /** One measured figure with the target beside it (empty when there is none). */
    record Figure(String phase, String name, double value, String unit, String target) {
    }

    private final List<Figure> figures = new ArrayList<>();
    private final PrintStream out;
    private boolean warmUp;

    Figures(PrintStream out) {
        this.out = out;
    }

    /** While on, figures are printed (marked) but left out of the summary and the JSON lines. */
    void warmUp(boolean on) {
        warmUp = on;
    }

    void add(String phase, String name, double value, String unit, String target) {
        Figure f = new Figure(phase, name, value, unit, target);
        if (warmUp) {
            out.println("(warm-up) " + line(f));
            out.flush();
            return;
        }
        figures.add(f);
        out.println(line(f));
        out.flush();
    }

    void note(String text) {
        out.println((warmUp ? "(warm-up)   " : "  ") + text);
        out.flush();
    }

    private static String line(Figure f) {
        return String.format(Locale.ROOT, "%-9s %-44s %14s %-10s %s", f.phase(), f.name(), format(f.value()), f.unit(),
                f.target().isEmpty() ? "" : "(target " + f.target() + ")");
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%,d", (long) v)
                : String.format(Locale.ROOT, "%,.2f", v);
    }

    void printSummary() {
        out.println();
        out.println("caseflow bench — summary (one run)");
        figures.forEach(f -> out.println(line(f)));
    }

    public void writeJson(Path file) throws IOException {
        StringBuilder json = new StringBuilder();
        for (Figure f : figures) {
            json.append(String.format(Locale.ROOT,
                    "{\"phase\":\"%s\",\"name\":\"%s\",\"value\":%s,\"unit\":\"%s\",\"target\":\"%s\"}%n",
                    f.phase(), f.name(), Double.toString(f.value()), f.unit(), f.target()));
        }
        Files.writeString(file, json.toString(), StandardCharsets.UTF_8);
    }
}
