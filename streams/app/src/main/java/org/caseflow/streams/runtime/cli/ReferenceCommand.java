package org.caseflow.streams.runtime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.caseflow.streams.domain.seeds.Propagation;
import org.caseflow.streams.domain.seeds.ReferenceData;
import org.caseflow.streams.domain.seeds.ReferenceKind;
import org.caseflow.streams.domain.seeds.ReferencePublication;
import org.caseflow.streams.domain.seeds.SeedException;
import org.caseflow.streams.runtime.app.CompositionRoot;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.config.ConfigLoader;
import org.caseflow.streams.runtime.config.InvalidConfigException;
import org.caseflow.streams.runtime.kafka.AdminProps;
import org.caseflow.streams.runtime.kafka.KafkaReachability;
import org.caseflow.streams.runtime.reference.ReferencePublisher;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code caseflow reference publish FILE} and {@code caseflow reference show} (issue 15): a new version of a rule
 * table, a calendar or the indicator reference intervals, validated with the seed readers and published to
 * {@code caseflow.reference-data}, where running instances pick it up and recompute the open cases (or indicator
 * periods) it moves.
 */
@Command(name = "reference", mixinStandardHelpOptions = true,
        description = "Publish reference data (rules, calendars, indicator intervals) to running instances, or show what is in force.",
        subcommands = {ReferenceCommand.Publish.class, ReferenceCommand.Show.class})
public final class ReferenceCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CaseflowCli.EXIT_BAD_INPUT;
    }

    /** Options shared by both subcommands: where Kafka and the seeds are. */
    static final class Connection {
        @Option(names = "--config", paramLabel = "FILE", description = "Properties file (Kafka, topic prefix, seeds).")
        Path configFile;

        @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
                description = "Kafka cluster (overrides the config file and KAFKA_BOOTSTRAP_SERVERS).")
        String bootstrapServers;

        @Mixin
        ConnectTimeoutOption connectTimeout = new ConnectTimeoutOption();

        CaseflowConfig load() {
            Map<String, String> overrides = new LinkedHashMap<>();
            if (bootstrapServers != null) {
                overrides.put("kafka.bootstrap.servers", bootstrapServers);
            }
            connectTimeout.addTo(overrides);
            return ConfigLoader.load(configFile, System.getenv(), overrides);
        }

        ReferencePublisher publisher(CaseflowConfig config) {
            KafkaReachability.require(AdminProps.of(config), config.connection().connectTimeout());
            return new ReferencePublisher(AdminProps.of(config), config.topics().names().referenceData(),
                    CompositionRoot.of(config).seeds(), config.engineSettings().defaultZone(), config.connection().connectTimeout());
        }
    }

    @Command(name = "publish", mixinStandardHelpOptions = true,
            description = "Validate a rules, calendar or indicators seed file and publish it as a new version.",
            exitCodeListHeading = "%nExit status:%n",
            exitCodeList = {"0:published, or the same version already in force (nothing written)", "1:runtime failure",
                "2:invalid file or version not newer (nothing published)"})
    static final class Publish implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "A seed file: rules, calendar, courts or indicators.")
        Path file;

        @Option(names = "--kind", paramLabel = "KIND", description = "rules, calendar, courts or indicators (default: from"
                + " the file's fields).")
        String kind;

        @Option(names = "--propagation", paramLabel = "P", description = "pending (every open case) or new-cases (cases"
                + " filed on or after the file's effectiveFrom). Default: pending for a calendar, new-cases for rules; indicator"
                + " intervals always apply to periods ending on or after effectiveFrom.")
        String propagation;

        @Option(names = "--dry-run", description = "Validate only (against the seeds and the versions in force).")
        boolean dryRun;

        @Mixin
        Connection connection = new Connection();

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            ReferencePublication publication;
            CaseflowConfig config;
            try {
                config = connection.load();
                // Validated whole before Kafka is asked anything; the version is checked against what is in force.
                publication = parse(Files.readAllBytes(file));
            } catch (NoSuchFileException e) {
                err.println(file + ": file: not found");
                return CaseflowCli.EXIT_BAD_INPUT;
            } catch (SeedException | InvalidConfigException e) {
                err.println(e.getMessage());
                err.println("caseflow reference publish: refused, nothing published");
                return CaseflowCli.EXIT_BAD_INPUT;
            }
            ReferencePublisher publisher = connection.publisher(config);
            try {
                if (dryRun) {
                    List<String> problems = new ArrayList<>();
                    publisher.read(problems).publish(publication);
                    out.println("valid: " + publication + " (dry run, nothing published)");
                    return CaseflowCli.EXIT_OK;
                }
                ReferencePublisher.Outcome outcome = publisher.publish(publication);
                out.println((outcome == ReferencePublisher.Outcome.PUBLISHED ? "published " : "already in force, nothing"
                        + " written: ") + publication + " to " + config.topics().names().referenceData());
                return CaseflowCli.EXIT_OK;
            } catch (SeedException e) {
                err.println(e.getMessage());
                err.println("caseflow reference publish: refused, nothing published");
                return CaseflowCli.EXIT_BAD_INPUT;
            }
        }

        private ReferencePublication parse(byte[] content) {
            ReferenceKind k = kind == null ? ReferenceKind.detect(file, content) : ReferenceKind.ofCode(kind)
                    .orElseThrow(() -> SeedException.of(file, "--kind", "'" + kind + "' is not rules, calendar,"
                            + " courts or indicators"));
            Propagation p = propagation == null ? null : Propagation.ofCode(propagation)
                    .orElseThrow(() -> SeedException.of(file, "--propagation", "'" + propagation + "' is not pending"
                            + " or new-cases"));
            return ReferencePublication.parse(k, file.toString(), content, p);
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Print the versions in force: the seed files' and what caseflow.reference-data published.")
    static final class Show implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        Connection connection = new Connection();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            CaseflowConfig config;
            try {
                config = connection.load();
            } catch (InvalidConfigException e) {
                err.println("caseflow reference show: " + e.getMessage());
                return CaseflowCli.EXIT_BAD_INPUT;
            }
            List<String> problems = new ArrayList<>();
            ReferenceData data = connection.publisher(config).read(problems);
            data.versions().forEach((key, version) -> {
                out.println(key + " " + version);
                data.chains().getOrDefault(key, List.of()).forEach(p -> out.println("  " + p));
            });
            problems.forEach(p -> err.println("invalid record skipped: " + p));
            return problems.isEmpty() ? CaseflowCli.EXIT_OK : CaseflowCli.EXIT_FAILURE;
        }
    }
}
