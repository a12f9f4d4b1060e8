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
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.caseflow.events.CaseEvent;
import org.caseflow.streams.domain.cases.CaseEngine;
import org.caseflow.streams.domain.input.EventChecks;
import org.caseflow.streams.domain.seeds.ReferenceData;
import org.caseflow.streams.domain.seeds.Seeds;
import org.caseflow.streams.runtime.app.CompositionRoot;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.config.ConfigLoader;
import org.caseflow.streams.topology.ReferenceHolder;
import org.caseflow.streams.runtime.config.InvalidConfigException;
import org.caseflow.streams.runtime.jsonl.EventFileReader;
import org.caseflow.streams.runtime.kafka.KafkaReachability;
import org.caseflow.streams.runtime.jsonl.ParsedLine;
import org.caseflow.streams.runtime.replay.EventTimeOrder;
import org.caseflow.streams.runtime.replay.Replayer;
import org.caseflow.streams.runtime.report.MonthlyReport;
import org.caseflow.streams.runtime.report.PdfPrinter;
import org.caseflow.streams.runtime.report.RecordedReportSource;
import org.caseflow.streams.runtime.report.ReportSource;
import org.caseflow.streams.runtime.report.ReportCourt;
import org.caseflow.streams.runtime.report.ReportHtml;
import org.caseflow.streams.runtime.report.SeedJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code caseflow report --court 湘02 --month 2025-04 (--events F | --from-topics) --out report.html [--pdf report.pdf]}:
 * the monthly review pack (月讲评会) of a court and its subordinate courts, from a replay of the production topology
 * over the events up to the end of the month (the same numbers {@code caseflow replay} and the live API give), or from
 * a deployment's compacted indicators and case-snapshot topics. The HTML is self-contained; the PDF is headless
 * Chromium's print of it.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "The monthly review pack of a court and its subordinate courts, as HTML (and PDF).",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:written", "1:runtime failure (e.g. no Chromium for --pdf)", "2:bad usage or bad input"})
public final class ReportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--court", required = true, paramLabel = "CODE", description = "Court code, e.g. 湘02.")
    String court;

    @Option(names = "--month", required = true, paramLabel = "YYYY-MM", description = "The month under review.")
    String month;

    @Option(names = "--events", paramLabel = "F",
            description = "JSON-lines events (as for replay); the topology runs over those up to the month's end.")
    Path events;

    @Option(names = "--from-topics", description = "Read a running deployment's compacted indicators and case-snapshot "
            + "topics instead (with --bootstrap-servers or --config).")
    boolean fromTopics;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "Kafka cluster for --from-topics (overrides the config file and KAFKA_BOOTSTRAP_SERVERS).")
    String bootstrapServers;

    @Option(names = "--topic-prefix", paramLabel = "P", description = "Topic name prefix (overrides the config file).")
    String topicPrefix;

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file as for 'caseflow run': the deployment"
            + " to read (--from-topics), or the engine settings and seeds to replay --events with, as the app computes.")
    Path configFile;

    @CommandLine.Mixin
    ConnectTimeoutOption connectTimeout = new ConnectTimeoutOption();

    @Option(names = "--out", required = true, paramLabel = "report.html", description = "Where the HTML goes.")
    Path out;

    @Option(names = "--pdf", paramLabel = "report.pdf", description = "Also print the report to PDF (headless Chromium).")
    Path pdf;

    @Option(names = "--window", defaultValue = "MONTH", paramLabel = "W",
            description = "Indicator window: MONTH, YEAR_TO_DATE or ROLLING_12M (default ${DEFAULT-VALUE}).")
    String window;

    @Option(names = "--chromium", defaultValue = PdfPrinter.DEFAULT_BINARY, paramLabel = "PATH",
            description = "Chromium binary for --pdf (default ${DEFAULT-VALUE}).")
    Path chromium;

    @Option(names = "--seeds", paramLabel = "DIR", description = "Seed folder (default: $CASEFLOW_SEEDS or ./seeds).")
    Path seeds;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        YearMonth reviewed;
        try {
            reviewed = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--month must be YYYY-MM, got '" + month + "'");
        }
        window = window.toUpperCase(Locale.ROOT);
        if (!List.of("MONTH", "YEAR_TO_DATE", "ROLLING_12M").contains(window)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--window must be MONTH, YEAR_TO_DATE or ROLLING_12M");
        }
        CompositionRoot root;
        try {
            root = CompositionRoot.offline(configFile, System.getenv(), seeds);
        } catch (InvalidConfigException e) {
            err.println("caseflow report: " + e.getMessage());
            err.flush();
            return CaseflowCli.EXIT_BAD_INPUT;
        }
        Seeds loaded = root.seeds();
        List<ReportCourt> tree = ReportCourt.tree(SeedJson.courts(loaded), court);
        if (tree.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown court " + court);
        }
        if (fromTopics == (events != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give exactly one of --events F and --from-topics");
        }
        // The month's end: 00:00 of the next month in court time, so its last day counts in full.
        ZoneId courtZone = root.engineSettings().defaultZone();
        Instant asOf = reviewed.plusMonths(1).atDay(1).atStartOfDay(courtZone).toInstant();
        LocalDate today = LocalDate.now(courtZone);
        LocalDate asOfDay = LocalDate.ofInstant(asOf, courtZone);
        try {
            if (fromTopics) {
                CaseflowConfig config;
                try {
                    config = ConfigLoader.load(configFile, System.getenv(), connectTimeout.overrides(bootstrapServers, topicPrefix));
                } catch (InvalidConfigException e) {
                    err.println("caseflow report: " + e.getMessage());
                    err.flush();
                    return CaseflowCli.EXIT_BAD_INPUT;
                }
                Map<String, Object> client = new HashMap<>(config.kafka());
                KafkaReachability.require(client, config.connection().connectTimeout());
                // The snapshots on the topic are the cases as they are now: days remaining count from today.
                write(RecordedReportSource.fromTopics(client, config.topics().names(), today), loaded, tree, reviewed, today, err);
                err.printf("report: read %s and %s%n", config.topics().names().indicators(), config.topics().names().caseSnapshots());
            } else if (replay(root, tree, reviewed, asOf, asOfDay, err) != CaseflowCli.EXIT_OK) {
                return CaseflowCli.EXIT_BAD_INPUT;
            }
            if (pdf != null) {
                PdfPrinter.print(chromium, out, pdf);
                err.printf("report: %s written%n", pdf);
            }
        } catch (org.caseflow.CaseflowException e) {
            err.println("caseflow report: " + e.getMessage());
            err.flush();
            return CaseflowCli.EXIT_FAILURE;
        }
        err.flush();
        return CaseflowCli.EXIT_OK;
    }

    private int replay(CompositionRoot root, List<ReportCourt> tree, YearMonth reviewed, Instant asOf, LocalDate asOfDay,
            PrintWriter err) throws IOException {
        Seeds loaded = root.seeds();
        CaseEngine engine = root.engine();
        Path stateDir = Files.createTempDirectory("caseflow-report");
        try (Replayer replayer = new Replayer(new ReferenceHolder(ReferenceData.of(loaded,
                engine.settings().defaultZone()), engine, true),
                root, stateDir, new SimpleMeterRegistry())) {
            EventTimeOrder ordered = new EventTimeOrder();
            long invalid = read(loaded, asOf, ordered, err);
            if (invalid < 0) {
                return CaseflowCli.EXIT_BAD_INPUT;
            }
            long applied = ordered.size();
            ordered.drainTo(replayer::pipe);
            replayer.advanceTo(asOf);
            write(RecordedReportSource.fromReplay(replayer, asOf, root.engineSettings().defaultZone()), loaded, tree,
                    reviewed, asOfDay, err);
            err.printf(Locale.ROOT, "report: %,d events applied (%,d invalid lines skipped)%n", applied, invalid);
            return CaseflowCli.EXIT_OK;
        } finally {
            try (var paths = Files.walk(stateDir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void write(ReportSource source, Seeds loaded, List<ReportCourt> tree, YearMonth reviewed, LocalDate asOfDay,
            PrintWriter err) throws IOException {
        MonthlyReport report = MonthlyReport.build(source, tree, SeedJson.indicatorDefinitions(loaded), reviewed, window, asOfDay);
        Files.writeString(out, ReportHtml.render(report), StandardCharsets.UTF_8);
        err.printf("report: %s written%n", out);
    }

    /** Reads the valid events up to asOf into {@code ordered}; the number of invalid lines, or -1 without the file. */
    private long read(Seeds loaded, Instant asOf, EventTimeOrder ordered, PrintWriter err) throws IOException {
        long[] invalid = {0};
        try (CountedInput in = CountedInput.open(events.toString())) {
            new EventFileReader(new EventChecks(loaded.courts(), loaded.caseNumbers())).read(in, line -> {
                if (line instanceof ParsedLine.Invalid bad) {
                    err.println(bad.message());
                    invalid[0]++;
                } else if (line instanceof ParsedLine.Valid ok) {
                    CaseEvent event = ok.event();
                    if (!event.getOccurredAt().isAfter(asOf)) {
                        ordered.add(event);
                    }
                }
            });
        } catch (NoSuchFileException e) {
            err.println("caseflow report: cannot read " + events + ": no such file");
            return -1;
        }
        return invalid[0];
    }
}
