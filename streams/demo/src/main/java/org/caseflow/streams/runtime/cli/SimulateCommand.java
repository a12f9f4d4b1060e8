package org.caseflow.streams.runtime.cli;

import org.caseflow.streams.runtime.config.DiskSeedFiles;
import org.caseflow.streams.runtime.config.SeedsLocation;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.caseflow.CaseflowException;
import org.caseflow.events.CaseEvent;
import org.caseflow.streams.domain.EventType;
import org.caseflow.streams.domain.seeds.Seeds;
import org.caseflow.streams.runtime.jsonl.EventJson;
import org.caseflow.streams.runtime.simulator.SimulationSettings;
import org.caseflow.streams.runtime.simulator.Simulator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code caseflow simulate}: writes a seeded synthetic event stream as JSON lines (DESIGN.md section
 * 3), sorted by occurredAt. Courts come from {@code seeds/courts} (the intermediate court and its
 * basic courts), rest days from that court's calendar in {@code seeds/calendars}, limits, extensions and case-number
 * type codes from {@code seeds/rules} and {@code seeds/casenumbers}. A summary (cases,
 * events by type, seconds) goes to stderr, and so does progress when the events go to a file (simulated days
 * done, events, rate, ETA); written to standard output they usually feed another command, whose own progress
 * would be torn apart by ours.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Write a realistic, seeded synthetic event stream for the Zhuzhou courts as JSON lines.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:written", "1:could not write", "2:bad usage or unreadable seeds"})
public final class SimulateCommand implements Callable<Integer> {
    /** The simulated courts' zone: days begin at its midnight. */
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--seed", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed = SimulationSettings.DEFAULT_SEED;

    @Option(names = "--start", paramLabel = "DATE", description = "First simulated day (default: ${DEFAULT-VALUE}).")
    LocalDate start = SimulationSettings.DEFAULT_START;

    @Option(names = "--days", description = "Simulated days (default: ${DEFAULT-VALUE}).")
    int days = SimulationSettings.DEFAULT_DAYS;

    @Option(names = "--scale", description = "Volume scale; 1.0 = realistic, 0.01 = a handful of cases a day (default: ${DEFAULT-VALUE}).")
    double scale = SimulationSettings.DEFAULT_SCALE;

    @Option(names = "--out", paramLabel = "FILE", description = "Output file; - = standard output (default: ${DEFAULT-VALUE}).")
    String out = "-";

    @Option(names = "--max-events", paramLabel = "N", description = "Stop after N events.")
    Long maxEvents;

    @Option(names = "--court", paramLabel = "CODE",
            description = "Intermediate court whose basic courts are simulated (default: ${DEFAULT-VALUE}).")
    String court = "湘02";

    @Option(names = "--seeds", paramLabel = "DIR", description = "Seeds folder (default: $CASEFLOW_SEEDS, else ./seeds).")
    Path seeds;

    /** How progress is shown when writing a file; tests choose theirs. */
    Progress.Settings progress = Progress.Settings.detect();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Simulator simulator = simulator();
        long started = System.nanoTime();
        Map<EventType, Long> byType = new EnumMap<>(EventType.class);
        long written = 0;
        Progress shown = Progress.start("simulate", "events", err,
                "-".equals(out) ? new Progress.Settings(Progress.Mode.OFF, Duration.ZERO, System::nanoTime) : progress);
        Instant first = start.atStartOfDay(ZONE).toInstant();
        double span = Duration.ofDays(days).toMillis();
        try (Writer writer = open()) {
            Iterator<CaseEvent> events = simulator.iterator();
            while (events.hasNext() && (maxEvents == null || written < maxEvents)) {
                CaseEvent event = events.next();
                writer.write(EventJson.toJson(event));
                writer.write('\n');
                byType.merge(EventType.of(event), 1L, Long::sum);
                written++;
                // Whichever ends the run first: the simulated days, or --max-events.
                double byDays = (event.getOccurredAt().toEpochMilli() - first.toEpochMilli()) / span;
                double byEvents = maxEvents == null || maxEvents == 0 ? 0 : (double) written / maxEvents;
                shown.update(written, Math.min(1, Math.max(0, Math.max(byDays, byEvents))));
            }
            shown.finish();
        } catch (IOException e) {
            shown.abandon();
            err.println("caseflow simulate: cannot write " + out + ": " + e.getMessage());
            err.flush();
            return CaseflowCli.EXIT_FAILURE;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        err.printf(Locale.ROOT, "caseflow simulate: %d cases, %d events in %.1f s%n",
                byType.getOrDefault(EventType.CASE_FILED, 0L), written, seconds);
        byType.forEach((type, n) -> err.printf(Locale.ROOT, "  %-18s %d%n", type, n));
        err.flush();
        return CaseflowCli.EXIT_OK;
    }

    private SimulationSettings settings() {
        if (days < 1) {
            throw bad("--days must be at least 1, got " + days);
        }
        if (!(scale > 0 && scale <= SimulationSettings.MAX_SCALE)) {
            throw bad("--scale must be above 0 and at most " + SimulationSettings.MAX_SCALE + ", got " + scale);
        }
        if (maxEvents != null && maxEvents < 0) {
            throw bad("--max-events must not be negative, got " + maxEvents);
        }
        return new SimulationSettings(seed, start, days, scale);
    }

    /** The courts, calendar, rule table and case-number table of the seeds, loaded once. */
    private Simulator simulator() {
        SimulationSettings settings = settings();
        try {
            return Simulator.ofSeeds(settings, Seeds.load(seedsRoot(), DiskSeedFiles.INSTANCE), court);
        } catch (IllegalArgumentException | CaseflowException e) {
            throw bad(e.getMessage());
        }
    }

    private Path seedsRoot() {
        return seeds != null ? seeds : SeedsLocation.defaultRoot();
    }

    private Writer open() throws IOException {
        OutputStream stream = "-".equals(out) ? new NonClosing(System.out) : Files.newOutputStream(Path.of(out));
        return new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
    }

    private CommandLine.ParameterException bad(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** Standard output is flushed, never closed: later output (and tests) still need it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
