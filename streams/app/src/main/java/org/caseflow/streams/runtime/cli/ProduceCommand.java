package org.caseflow.streams.runtime.cli;

import org.caseflow.streams.runtime.config.DiskSeedFiles;
import org.caseflow.streams.runtime.config.SeedsLocation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import org.caseflow.CaseflowException;
import org.caseflow.streams.domain.cases.CaseNumbers;
import org.caseflow.streams.domain.courts.CourtRegistry;
import org.caseflow.streams.domain.input.EventChecks;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.config.ConfigLoader;
import org.caseflow.streams.runtime.config.InvalidConfigException;
import org.caseflow.streams.runtime.jsonl.EventFileReader;
import org.caseflow.streams.runtime.jsonl.ParsedLine;
import org.caseflow.streams.runtime.kafka.EventPublisher;
import org.caseflow.streams.runtime.kafka.KafkaReachability;
import java.io.FilterInputStream;
import java.io.InputStream;
import org.caseflow.streams.runtime.replay.AsOf;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code caseflow produce FILE}: validates a JSON-lines event file (DESIGN.md section 3) and publishes
 * its events to the input topics ({@link EventPublisher}: routing of section 4, key caseId, timestamp
 * occurredAt). The whole file is validated first (the content rules of the running app included, see
 * {@link EventChecks}); rejections and warnings go to stderr in file order, exactly as with
 * {@code --dry-run}. Any invalid line and nothing is published (exit 2), unless {@code --skip-invalid}
 * publishes the valid ones. A file that validates is then read again and published; if publishing
 * fails the command says which lines the broker acknowledged, which it refused and which were not
 * sent. The summary ({@code N valid, M invalid}, or {@code N published, M invalid}) goes to stdout.
 * With {@code --dry-run} no broker is needed. {@code --clock-tick} then moves the event clock of every
 * filings partition (EVENT_TIME mode) so timers fire where no more events come. Progress (bytes, share
 * of the file, rate, ETA) goes to stderr ({@link Progress}); before publishing, the cluster must answer
 * within the connect timeout ({@link KafkaReachability}).
 */
@Command(name = "produce", mixinStandardHelpOptions = true,
        description = "Validate a JSON-lines event file and publish it to the input topics.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:all lines valid (and published)",
            "1:publishing failed (the lines published are listed) or Kafka unreachable",
            "2:bad usage, unreadable file or any invalid line (then nothing is published, unless --skip-invalid)"})
public final class ProduceCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "JSON-lines event file; - reads standard input.")
    String file;

    @Option(names = "--dry-run", description = "Validate only; print each bad line and a summary. Needs no broker.")
    boolean dryRun;

    @Option(names = "--max-line-bytes", paramLabel = "BYTES",
            description = "Longest accepted line in bytes (default: ${DEFAULT-VALUE}).")
    int maxLineBytes = EventFileReader.DEFAULT_MAX_LINE_BYTES;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "Kafka cluster (overrides the config file and KAFKA_BOOTSTRAP_SERVERS).")
    String bootstrapServers;

    @Option(names = "--topic-prefix", paramLabel = "P", description = "Topic name prefix (overrides the config file).")
    String topicPrefix;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file as for 'caseflow run' (kafka.* client settings, caseflow.topic.prefix).")
    Path configFile;

    @Option(names = "--skip-invalid",
            description = "Publish the valid lines even when some lines are invalid (by default nothing is published then).")
    boolean skipInvalid;

    @Option(names = "--seeds", paramLabel = "DIR", description = "Seeds folder whose courts the events must name"
            + " (default: caseflow.seeds of --config, else $CASEFLOW_SEEDS, else ./seeds).")
    Path seeds;

    @Option(names = "--clock-tick", paramLabel = "WHEN",
            description = "After publishing, send a clock tick stamped WHEN (ISO instant, or a date = 00:00 Asia/Shanghai)"
                    + " to every partition of the filings topic: in EVENT_TIME mode timers due by then fire.")
    String clockTick;

    @CommandLine.Mixin
    ConnectTimeoutOption connectTimeout = new ConnectTimeoutOption();

    /** How progress is shown; tests choose theirs. */
    Progress.Settings progress = Progress.Settings.detect();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (maxLineBytes <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--max-line-bytes must be positive, got " + maxLineBytes);
        }
        if (!dryRun) {
            return publish(out, err);
        }
        EventChecks checks = checks(seeds == null ? SeedsLocation.defaultRoot() : seeds, err);
        if (checks == null) {
            return CaseflowCli.EXIT_BAD_INPUT;
        }
        EventFileReader.Summary summary;
        try (InputStream in = withProgress(file, "validating", err)) {
            summary = new EventFileReader(maxLineBytes, checks).read(in, line -> report(line, err));
        } catch (IOException e) {
            return unreadable(err, reason(e));
        } finally {
            err.flush();
        }
        out.println(summary);
        out.flush();
        return summary.invalid() == 0 ? CaseflowCli.EXIT_OK : CaseflowCli.EXIT_BAD_INPUT;
    }

    private int publish(PrintWriter out, PrintWriter err) {
        CaseflowConfig config;
        try {
            config = ConfigLoader.load(configFile, System.getenv(), overrides());
        } catch (InvalidConfigException e) {
            if (bootstrapServers == null && e.getMessage().contains("bootstrap.servers")) {
                err.println("caseflow produce: publishing needs a broker: pass --bootstrap-servers HOST:PORT"
                        + " (or --config FILE, or KAFKA_BOOTSTRAP_SERVERS), or --dry-run to validate only");
            } else {
                err.println("caseflow produce: " + e.getMessage());
            }
            err.flush();
            return CaseflowCli.EXIT_BAD_INPUT;
        }
        Instant tickAt = null;
        if (clockTick != null) {
            try {
                // A date is 00:00 in the configured default court zone (caseflow.engine.default.zone).
                tickAt = AsOf.parse(clockTick, config.engineSettings().defaultZone());
            } catch (CaseflowException e) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        e.getMessage().replace("--as-of", "--clock-tick"));
            }
        }
        EventChecks checks = checks(seeds == null ? config.seedsDir() : seeds, err);
        if (checks == null) {
            return CaseflowCli.EXIT_BAD_INPUT;
        }
        Path source = null;
        try {
            source = "-".equals(file) ? keepStandardInput() : Path.of(file);
            FilePublisher files = new FilePublisher(file, maxLineBytes, checks, out, err);
            FilePublisher.Validation validation;
            try (InputStream in = withProgress(source.toString(), "validating", err)) {
                validation = files.validate(in);
            }
            EventFileReader.Summary counts = validation.summary();
            if (counts.invalid() > 0 && !skipInvalid) {
                out.println("0 published, " + counts.invalid() + " invalid");
                out.flush();
                err.println("caseflow produce: nothing published: " + counts.invalid() + " of "
                        + (counts.valid() + counts.invalid()) + " lines invalid (fix them, or pass --skip-invalid"
                        + " to publish the valid ones)");
                err.flush();
                return CaseflowCli.EXIT_BAD_INPUT;
            }
            // Before anything is sent: an unreachable cluster is named as such, not blamed on missing topics later.
            KafkaReachability.require(config.kafka(), config.connectTimeout());
            return files.publish(withProgress(source.toString(), "publishing", err), validation, config, tickAt);
        } catch (IOException e) {
            return unreadable(err, reason(e));
        } finally {
            if (source != null && "-".equals(file)) {
                deleteQuietly(source);
            }
        }
    }

    /** Events from standard input are kept in a temporary file, so the whole input is validated before publishing. */
    private static Path keepStandardInput() throws IOException {
        Path copy = Files.createTempFile("caseflow-produce-", ".jsonl");
        Files.copy(System.in, copy, StandardCopyOption.REPLACE_EXISTING);
        return copy;
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // a temporary file left behind is harmless
        }
    }

    /** The content rules over the courts of {@code seedsDir}; null (after saying why) when they cannot be loaded. */
    private static EventChecks checks(Path seedsDir, PrintWriter err) {
        try {
            return new EventChecks(CourtRegistry.load(seedsDir.resolve("courts"), DiskSeedFiles.INSTANCE),
                    CaseNumbers.load(seedsDir, DiskSeedFiles.INSTANCE));
        } catch (CaseflowException e) {
            err.println("caseflow produce: cannot load the courts of " + seedsDir + ": " + e.getMessage()
                    + " (pass --seeds DIR)");
            err.flush();
            return null;
        }
    }

    private Map<String, String> overrides() {
        return connectTimeout.overrides(bootstrapServers, topicPrefix);
    }

    /** The file (or standard input for "-"), with its progress on stderr as it is read ({@link Progress}). */
    private InputStream withProgress(String name, String task, PrintWriter err) throws IOException {
        CountedInput counted = CountedInput.open(name);
        Progress shown = Progress.start(task, "bytes", err, progress);
        return new FilterInputStream(counted) {
            private long seen;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    seen += n;
                    shown.update(seen, counted.fraction());
                } else if (n < 0) {
                    shown.finish();
                }
                return n;
            }

            @Override
            public void close() throws IOException {
                shown.abandon(); // after finish() a no-op; after a failure it ends the line before the error
                super.close();
            }
        };
    }

    static void report(ParsedLine line, PrintWriter err) {
        if (line instanceof ParsedLine.Invalid bad) {
            err.println(bad.message());
        } else if (line instanceof ParsedLine.Valid ok) {
            ok.warnings().forEach(err::println);
        }
    }

    /** Why a file could not be read, in words (the exception's own message is only a path). */
    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        return e instanceof AccessDeniedException ? "permission denied" : e.getMessage();
    }

    private int unreadable(PrintWriter err, String reason) {
        err.println("caseflow produce: cannot read " + file + ": " + reason);
        err.flush();
        return CaseflowCli.EXIT_BAD_INPUT;
    }
}
