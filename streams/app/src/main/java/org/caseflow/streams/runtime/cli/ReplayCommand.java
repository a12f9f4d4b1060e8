package org.caseflow.streams.runtime.cli;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.caseflow.CaseflowException;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.CaseSnapshot;
import org.caseflow.streams.domain.calendar.WorkCalendar;
import org.caseflow.streams.domain.rules.RuleTable;
import org.caseflow.streams.runtime.config.DiskSeedFiles;
import org.caseflow.streams.runtime.replay.WhatIf;
import org.caseflow.streams.domain.cases.CaseEngine;
import org.caseflow.streams.domain.input.EventChecks;
import org.caseflow.streams.domain.seeds.Propagation;
import org.caseflow.streams.domain.seeds.ReferenceData;
import org.caseflow.streams.domain.seeds.ReferenceKind;
import org.caseflow.streams.domain.seeds.ReferencePublication;
import org.caseflow.streams.domain.seeds.SeedException;
import org.caseflow.streams.domain.seeds.Seeds;
import org.caseflow.streams.runtime.app.CompositionRoot;
import org.caseflow.streams.runtime.config.InvalidConfigException;
import org.caseflow.streams.topology.ReferenceHolder;
import org.caseflow.streams.runtime.jsonl.EventFileReader;
import org.caseflow.streams.runtime.jsonl.DigestJson;
import org.caseflow.streams.runtime.jsonl.OutputJson;
import org.caseflow.streams.runtime.jsonl.ParsedLine;
import org.caseflow.streams.runtime.replay.AsOf;
import org.caseflow.streams.runtime.replay.EventTimeOrder;
import org.caseflow.streams.runtime.replay.Replayer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code caseflow replay EVENTS.jsonl --as-of WHEN}: the live topology on event time, offline and
 * deterministic. Valid events are applied in occurredAt order (ties keep file order). Outputs JSON
 * lines in the forms of DESIGN.md section 7, each only when its option asks for it ({@code -} = standard
 * output; cases first, then alerts, then indicators): standard output carries nothing else. Bad lines,
 * dead letters, progress and a summary with the counts go to standard error.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Deterministic offline run of the topology on event time; writes JSON lines.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:done", "1:runtime failure", "2:bad usage or invalid input lines (skipped)"})
public final class ReplayCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EVENTS.jsonl", description = "JSON-lines events; - reads standard input.")
    String file;

    @Option(names = "--as-of", required = true, paramLabel = "WHEN",
            description = "ISO instant, or a date meaning 00:00 of that day in the court time zone (Asia/Shanghai).")
    String asOf;

    @Option(names = "--cases-out", paramLabel = "F",
            description = "Write the cases, one line each with its final state and deadline (- = standard output).")
    String casesOut;

    @Option(names = "--alerts-out", paramLabel = "F",
            description = "Write every alert raised or resolved, in order (- = standard output).")
    String alertsOut;

    @Option(names = "--indicators-out", paramLabel = "F", description = "Write the indicator values (- = standard output).")
    String indicatorsOut;

    @Option(names = "--digests-out", paramLabel = "F",
            description = "Write every digest closed by --as-of (days, ISO weeks, months), in order (- = standard output).")
    String digestsOut;

    @Option(names = "--seeds", paramLabel = "DIR",
            description = "Seed folder (default: caseflow.seeds of --config, else $CASEFLOW_SEEDS or ./seeds).")
    Path seeds;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file as for 'caseflow run', with the CASEFLOW_* environment over it: replay then"
                    + " computes with the engine settings (caseflow.engine.*) and seeds the app uses. Without it, the"
                    + " defaults (the environment is not read).")
    Path configFile;

    @Option(names = "--rules", paramLabel = "ALT.yaml",
            description = "An alternative rule table (the form of seeds/rules/trial-limits.yaml) instead of the seeds'.")
    Path rules;

    @Option(names = "--calendar", paramLabel = "ALT.yaml",
            description = "An alternative calendar (the form of seeds/calendars/*.yaml) replacing the seeds' calendar"
                    + " of the jurisdiction it names.")
    Path calendar;

    @Option(names = "--reference", arity = "1..*", paramLabel = "FILE[#PROPAGATION]",
            description = "Versions of reference data published live (caseflow reference publish), applied in this order"
                    + " on top of the seeds, so a replay computes what the running instances do; #pending or"
                    + " #new-cases when the publication named one (default: pending for a calendar, new-cases for"
                    + " rules).")
    List<String> references = new ArrayList<>();

    @Option(names = "--diff",
            description = "What-if: replay under the seeds and under --rules/--calendar and print, per case, the"
                    + " deadline and breach status under each, then how many cases move by procedure and court.")
    boolean diff;

    /** How progress is shown; tests choose theirs. */
    Progress.Settings progress = Progress.Settings.detect();

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (diff && rules == null && calendar == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--diff needs --rules or --calendar");
        }
        if (diff && (casesOut != null || alertsOut != null || indicatorsOut != null || digestsOut != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--diff prints the comparison; run without it"
                    + " for --cases-out, --alerts-out, --indicators-out, --digests-out");
        }
        CompositionRoot root;
        try {
            root = CompositionRoot.offline(configFile, System.getenv(), seeds);
        } catch (InvalidConfigException e) {
            err.println("caseflow replay: " + e.getMessage());
            err.flush();
            return CaseflowCli.EXIT_BAD_INPUT;
        }
        Instant until;
        try {
            // A date is 00:00 in the configured default court zone, as live thresholds of such courts fall.
            until = AsOf.parse(asOf, root.engineSettings().defaultZone());
        } catch (CaseflowException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Seeds current = root.seeds();
        Seeds alternative = alternative(current);
        CaseEngine engine = root.withSeeds(alternative == null ? current : alternative).engine();
        ReferenceData published;
        try {
            published = published(ReferenceData.of(engine.seeds(), engine.settings().defaultZone()));
        } catch (SeedException e) {
            err.println(e.getMessage());
            return CaseflowCli.EXIT_BAD_INPUT;
        }
        Counts counts = new Counts();
        EventTimeOrder events = new EventTimeOrder();
        try (CountedInput in = CountedInput.open(file)) {
            // Checked against the courts in force with the --reference files, as live (courts added from a date on).
            read(new EventFileReader(new EventChecks(published::courts, published::courtAddedOn,
                    published.base().caseNumbers())), in, until, events,
                    counts, err);
        } catch (NoSuchFileException e) {
            err.println("caseflow replay: cannot read " + file + ": no such file");
            return CaseflowCli.EXIT_BAD_INPUT;
        }
        if (diff) {
            LocalDate day = LocalDate.ofInstant(until, root.engineSettings().defaultZone());
            WhatIf whatIf = WhatIf.compare(casesUnder(root, events, until),
                    casesUnder(root.withSeeds(alternative), events, until), day);
            whatIf.print(spec.commandLine().getOut(), change(), day);
            err.println("replay: what-if: " + whatIf.total());
            err.flush();
            return counts.invalid == 0 ? CaseflowCli.EXIT_OK : CaseflowCli.EXIT_BAD_INPUT;
        }
        Path stateDir = Files.createTempDirectory("caseflow-replay");
        try (Replayer replayer = new Replayer(new ReferenceHolder(published, engine, true), root,
                stateDir, new SimpleMeterRegistry())) {
            // Event time, as live operation would have seen it: in occurredAt order (stable, so
            // events with the same instant keep their file order), whatever the file's order.
            Progress applying = Progress.start("replay: applying", "events", err, progress);
            long total = events.size();
            events.drainTo(event -> {
                replayer.pipe(event);
                long done = applying.done() + 1;
                applying.update(done, (double) done / total);
            });
            applying.finish();
            replayer.advanceTo(until);
            counts.applied = total;
            counts.cases = write(casesOut, replayer.cases(until), OutputJson::toJson);
            counts.alerts = write(alertsOut, replayer.alerts(), OutputJson::toJson);
            counts.indicators = write(indicatorsOut, replayer.indicators(until), OutputJson::toJson);
            counts.digests = write(digestsOut, replayer.digests(), DigestJson::toJson);
            report(err, replayer, counts);
        } finally {
            deleteQuietly(stateDir);
        }
        return counts.invalid == 0 ? CaseflowCli.EXIT_OK : CaseflowCli.EXIT_BAD_INPUT;
    }

    /** The seeds with --rules and --calendar applied, or null when neither is given; each file is validated whole. */
    private Seeds alternative(Seeds current) {
        if (rules == null && calendar == null) {
            return null;
        }
        Seeds alt = current;
        if (rules != null) {
            alt = alt.withRules(RuleTable.load(rules, DiskSeedFiles.INSTANCE));
        }
        if (calendar != null) {
            alt = alt.withCalendar(calendar, WorkCalendar.load(calendar, DiskSeedFiles.INSTANCE));
        }
        return alt;
    }

    /** {@code data} with the --reference files published in order, each validated as {@code caseflow reference publish} does. */
    private ReferenceData published(ReferenceData data) throws IOException {
        ReferenceData next = data;
        for (String reference : references) {
            int hash = reference.lastIndexOf('#');
            Path path = Path.of(hash < 0 ? reference : reference.substring(0, hash));
            Propagation propagation = null;
            if (hash >= 0) {
                String code = reference.substring(hash + 1);
                propagation = Propagation.ofCode(code).orElseThrow(() -> SeedException.of(path, "propagation",
                        "'" + code + "' is not pending or new-cases"));
            }
            byte[] content;
            try {
                content = Files.readAllBytes(path);
            } catch (NoSuchFileException e) {
                throw SeedException.of(path, "file", "not found");
            }
            next = next.publish(ReferencePublication.parse(ReferenceKind.detect(path, content), path.toString(),
                    content, propagation));
        }
        return next;
    }

    private String change() {
        List<String> parts = new ArrayList<>();
        if (rules != null) {
            parts.add("rules from " + rules);
        }
        if (calendar != null) {
            parts.add("calendar from " + calendar);
        }
        return String.join(", ", parts) + " instead of the seeds'";
    }

    /** The final cases of one replay of the events under the root's seeds. */
    private static List<CaseSnapshot> casesUnder(CompositionRoot root, EventTimeOrder events, Instant until)
            throws IOException {
        Path stateDir = Files.createTempDirectory("caseflow-replay");
        CaseEngine engine = root.engine();
        try (Replayer replayer = new Replayer(new ReferenceHolder(ReferenceData.of(engine.seeds(),
                engine.settings().defaultZone()), engine, true),
                root, stateDir, new SimpleMeterRegistry())) {
            events.forEachInOrder(replayer::pipe);
            replayer.advanceTo(until);
            return replayer.cases(until);
        } finally {
            deleteQuietly(stateDir);
        }
    }

    /** What the summary lines report. */
    private static final class Counts {
        long lines;
        long invalid;
        long later;
        long applied;
        long cases;
        long alerts;
        long indicators;
        long digests;
    }

    private void read(EventFileReader reader, CountedInput in, Instant until, EventTimeOrder events, Counts counts,
            PrintWriter err) throws IOException {
        Progress reading = Progress.start("replay: reading", "lines", err, progress);
        try {
            reader.read(in, line -> {
                if (line instanceof ParsedLine.Invalid bad) {
                    reading.println(bad.message());
                    counts.invalid++;
                } else if (line instanceof ParsedLine.Valid ok) {
                    ok.warnings().forEach(reading::println);
                    CaseEvent event = ok.event();
                    if (event.getOccurredAt().isAfter(until)) {
                        counts.later++;
                    } else {
                        events.add(event);
                    }
                }
                reading.update(++counts.lines, in.fraction());
            });
            reading.finish();
        } finally {
            reading.abandon();
        }
    }

    private void report(PrintWriter err, Replayer replayer, Counts counts) {
        Map<String, Integer> reasons = new TreeMap<>();
        replayer.deadLetters().forEach(d -> reasons.merge(d.reason(), 1, Integer::sum));
        replayer.deadLetters().forEach(d -> err.println("dead letter: " + d.caseId() + ": " + d.reason() + ": "
                + d.detail()));
        err.printf("replay: %d invalid lines skipped, %d events after --as-of ignored, %d dead letters %s, "
                + "%d cases waiting for their filing%n", counts.invalid, counts.later, replayer.deadLetters().size(),
                reasons, replayer.waitingForFiling());
        err.printf(Locale.ROOT, "replay: %,d events applied: %,d cases, %,d alerts, %,d indicator values, %,d digests%n",
                counts.applied, counts.cases, counts.alerts, counts.indicators, counts.digests);
        if (casesOut == null && alertsOut == null && indicatorsOut == null && digestsOut == null) {
            err.println("replay: nothing written: choose outputs with --cases-out, --alerts-out, --indicators-out and"
                    + " --digests-out (- = standard output)");
        }
        err.flush();
    }

    /** Writes the values as JSON lines when the output was asked for; returns how many there are either way. */
    private <T> long write(String target, List<T> values, Function<T, String> json) throws IOException {
        if (target != null) {
            List<String> lines = values.stream().map(json).toList();
            if (target.equals("-")) {
                PrintWriter out = spec.commandLine().getOut();
                lines.forEach(out::println);
                out.flush();
            } else {
                Files.write(Path.of(target), lines, StandardCharsets.UTF_8);
            }
        }
        return values.size();
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(paths.toList());
            java.util.Collections.reverse(all);
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a temp dir left behind is harmless
        }
    }

}
