package org.caseflow.streams.runtime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.caseflow.CaseflowException;
import org.caseflow.streams.domain.cases.CaseEvaluator;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.config.ConfigKeys;
import org.caseflow.streams.runtime.config.ConfigLoader;
import org.caseflow.streams.runtime.config.InvalidConfigException;
import org.caseflow.streams.runtime.jsonl.EventFileReader;
import org.caseflow.streams.runtime.jsonl.ParsedLine;
import org.caseflow.streams.runtime.kafka.EventPublisher;
import org.caseflow.streams.runtime.kafka.KafkaReachability;
import org.caseflow.streams.runtime.kafka.PublishException;
import org.caseflow.streams.runtime.replay.AsOf;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code caseflow produce FILE}: validates a JSON-lines event file (DESIGN.md section 3) and publishes
 * its valid events to the input topics ({@link EventPublisher}: routing of section 4, key caseId,
 * timestamp occurredAt). Rejections and warnings go to stderr in file order, exactly as with
 * {@code --dry-run}; invalid lines are skipped and make the exit status 2 at the end. The summary
 * ({@code N valid, M invalid}, or {@code N published, M invalid}) goes to stdout. With
 * {@code --dry-run} no broker is needed. {@code --clock-tick} then moves the event clock of every
 * filings partition (EVENT_TIME mode) so timers fire where no more events come. Progress (lines, share of the
 * file, rate, ETA) goes to stderr ({@link Progress}); before publishing, the cluster must answer within the
 * connect timeout ({@link KafkaReachability}).
 */
@Command(name = "produce", mixinStandardHelpOptions = true,
        description = "Validate a JSON-lines event file and publish it to the input topics.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:all lines valid (and published)", "1:publishing failed or Kafka unreachable",
            "2:bad usage, unreadable file or any invalid line (valid lines are still published)"})
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
        EventFileReader.Summary summary;
        try (CountedInput in = CountedInput.open(file)) {
            summary = read(in, "validating", err, line -> { });
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
        Instant tickAt = null;
        if (clockTick != null) {
            try {
                tickAt = AsOf.parse(clockTick, CaseEvaluator.DEFAULT_ZONE);
            } catch (CaseflowException e) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        e.getMessage().replace("--as-of", "--clock-tick"));
            }
        }
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
        try (CountedInput in = CountedInput.open(file)) {
            // Before anything is sent: an unreachable cluster is named as such, not blamed on missing topics later.
            KafkaReachability.require(config.kafka(), config.connectTimeout());
            return publish(in, config, tickAt, out, err);
        } catch (IOException e) {
            return unreadable(err, reason(e));
        } catch (PublishException e) {
            err.println("caseflow produce: publishing failed: " + e.getMessage());
            err.flush();
            return CaseflowCli.EXIT_FAILURE;
        }
    }

    private int publish(CountedInput in, CaseflowConfig config, Instant tickAt, PrintWriter out, PrintWriter err)
            throws IOException {
        try (EventPublisher publisher = EventPublisher.create(config.kafka(), config.topics())) {
            publisher.requireTopics();
            EventFileReader.Summary summary = read(in, "publishing", err, line -> {
                if (line instanceof ParsedLine.Valid ok) {
                    publisher.publish(ok.event());
                }
            });
            long published = publisher.flush();
            err.flush();
            if (tickAt != null) {
                int partitions = publisher.clockTick(tickAt);
                out.println("clock tick " + tickAt + " sent to " + partitions + " partitions of "
                        + config.topics().caseFilings());
            }
            out.println(published + " published, " + summary.invalid() + " invalid");
            out.flush();
            return summary.invalid() == 0 ? CaseflowCli.EXIT_OK : CaseflowCli.EXIT_BAD_INPUT;
        }
    }

    /** Reads every line, reporting bad ones and warnings on stderr in file order, with progress between them. */
    private EventFileReader.Summary read(CountedInput in, String task, PrintWriter err, Consumer<ParsedLine> then)
            throws IOException {
        Progress shown = Progress.start(task, "lines", err, progress);
        long[] lines = {0};
        try {
            EventFileReader.Summary summary = new EventFileReader(maxLineBytes).read(in, line -> {
                report(line, shown);
                then.accept(line);
                shown.update(++lines[0], in.fraction());
            });
            shown.finish();
            return summary;
        } finally {
            shown.abandon(); // after finish() a no-op; after a failure it ends the line before the error
        }
    }

    private Map<String, String> overrides() {
        Map<String, String> overrides = new LinkedHashMap<>();
        if (bootstrapServers != null) {
            overrides.put(ConfigKeys.KAFKA_PREFIX + "bootstrap.servers", bootstrapServers);
        }
        if (topicPrefix != null) {
            overrides.put(ConfigKeys.TOPIC_PREFIX, topicPrefix);
        }
        connectTimeout.addTo(overrides);
        return overrides;
    }

    private static void report(ParsedLine line, Progress progress) {
        if (line instanceof ParsedLine.Invalid bad) {
            progress.println(bad.message());
        } else if (line instanceof ParsedLine.Valid ok) {
            ok.warnings().forEach(progress::println);
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
