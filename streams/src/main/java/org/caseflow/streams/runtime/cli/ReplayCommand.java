package org.caseflow.streams.runtime.cli;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.caseflow.CaseflowException;
import org.caseflow.events.CaseEvent;
import org.caseflow.streams.domain.cases.CaseEngine;
import org.caseflow.streams.domain.cases.CaseEvaluator;
import org.caseflow.streams.domain.input.EventChecks;
import org.caseflow.streams.domain.seeds.Seeds;
import org.caseflow.streams.runtime.jsonl.EventFileReader;
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
 * lines in the forms of DESIGN.md section 7; an output without its option (or with {@code -}) goes
 * to standard output, cases first, then alerts, then indicators.
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

    @Option(names = "--cases-out", paramLabel = "F", description = "Cases, one line each with its final state and deadline.")
    String casesOut;

    @Option(names = "--alerts-out", paramLabel = "F", description = "Every alert raised or resolved, in order.")
    String alertsOut;

    @Option(names = "--indicators-out", paramLabel = "F", description = "Indicator values.")
    String indicatorsOut;

    @Option(names = "--seeds", paramLabel = "DIR", description = "Seed folder (default: $CASEFLOW_SEEDS or ./seeds).")
    Path seeds;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Instant until;
        try {
            until = AsOf.parse(asOf, CaseEvaluator.DEFAULT_ZONE);
        } catch (CaseflowException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Seeds loaded = Seeds.load(seeds == null ? Seeds.defaultRoot() : seeds);
        CaseEngine engine = new CaseEngine(loaded, CaseEngine.Settings.defaults());
        Path stateDir = Files.createTempDirectory("caseflow-replay");
        long[] invalid = {0};
        long[] later = {0};
        EventTimeOrder events = new EventTimeOrder();
        try (Replayer replayer = new Replayer(engine, stateDir, new SimpleMeterRegistry())) {
            try {
                new EventFileReader(new EventChecks(loaded.courts())).read(file, line -> {
                    if (line instanceof ParsedLine.Invalid bad) {
                        err.println(bad.message());
                        invalid[0]++;
                    } else if (line instanceof ParsedLine.Valid ok) {
                        ok.warnings().forEach(err::println);
                        CaseEvent event = ok.event();
                        if (event.getOccurredAt().isAfter(until)) {
                            later[0]++;
                        } else {
                            events.add(event);
                        }
                    }
                });
            } catch (NoSuchFileException e) {
                err.println("caseflow replay: cannot read " + file + ": no such file");
                return CaseflowCli.EXIT_BAD_INPUT;
            }
            // Event time, as live operation would have seen it: in occurredAt order (stable, so
            // events with the same instant keep their file order), whatever the file's order.
            events.drainTo(replayer::pipe);
            replayer.advanceTo(until);
            write(casesOut, replayer.cases(until).stream().map(OutputJson::toJson).toList());
            write(alertsOut, replayer.alerts().stream().map(OutputJson::toJson).toList());
            write(indicatorsOut, replayer.indicators(until).stream().map(OutputJson::toJson).toList());
            report(err, replayer, invalid[0], later[0]);
        } finally {
            deleteQuietly(stateDir);
        }
        return invalid[0] == 0 ? CaseflowCli.EXIT_OK : CaseflowCli.EXIT_BAD_INPUT;
    }

    private void report(PrintWriter err, Replayer replayer, long invalid, long later) {
        Map<String, Integer> reasons = new TreeMap<>();
        replayer.deadLetters().forEach(d -> reasons.merge(d.reason(), 1, Integer::sum));
        replayer.deadLetters().forEach(d -> err.println("dead letter: " + d.caseId() + ": " + d.reason() + ": "
                + d.detail()));
        err.printf("replay: %d invalid lines skipped, %d events after --as-of ignored, %d dead letters %s, "
                + "%d cases waiting for their filing%n", invalid, later, replayer.deadLetters().size(), reasons,
                replayer.waitingForFiling());
        err.flush();
    }

    private void write(String target, List<String> lines) throws IOException {
        if (target == null || target.equals("-")) {
            PrintWriter out = spec.commandLine().getOut();
            lines.forEach(out::println);
            out.flush();
            return;
        }
        Files.write(Path.of(target), lines, StandardCharsets.UTF_8);
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
