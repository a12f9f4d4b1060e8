package org.caseflow.streams.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.caseflow.CaseflowException;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.config.ConfigLoader;
import org.caseflow.streams.runtime.config.InvalidConfigException;
import org.caseflow.streams.runtime.dlq.DeadLetter;
import org.caseflow.streams.runtime.dlq.DeadLetterFormat;
import org.caseflow.streams.runtime.dlq.DeadLetterReader;
import org.caseflow.streams.runtime.dlq.DeadLetterSelection;
import org.caseflow.streams.runtime.dlq.Republisher;
import org.caseflow.streams.runtime.kafka.KafkaReachability;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code caseflow dead-letters}: lists the records of the dead-letter topic with their reasons (docs/operations.md,
 * "Dead letters"), and with {@code --republish} sends the chosen ones back to their source topic with their key and
 * bytes, idempotently ({@link Republisher}). Lines go to stdout, the summary to stderr.
 */
@Command(name = "dead-letters", mixinStandardHelpOptions = true,
        description = {"List the dead letters with their reasons; re-publish chosen ones to their source topic.",
            "Each line: PARTITION:OFFSET, key, reason, detail, source topic (tab-separated)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:listed, or every chosen dead letter re-published (now or before)",
            "1:Kafka failure (nothing of a failed re-publish is visible)",
            "2:bad usage, no dead letter at a given position, or a chosen one cannot be re-published"})
public final class DeadLettersCommand implements Callable<Integer> {
    /** Suffix of the transactional id of re-publishing: one per application id, so concurrent runs fence. */
    static final String TRANSACTIONAL_ID_SUFFIX = "-dead-letters-republish";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--reason", paramLabel = "R", description = "Only dead letters with this reason (e.g. key-mismatch).")
    String reason;

    @Option(names = "--offsets", paramLabel = "P:O,...",
            description = "Only these dead letters: PARTITION:OFFSET of the dead-letter topic, comma-separated "
                    + "(a bare OFFSET when only one partition has it).")
    String offsets;

    @Option(names = "--json", description = "One JSON object per line, with every dead-letter header.")
    boolean json;

    @Option(names = "--republish",
            description = "Send the chosen dead letters (--offsets and/or --reason) to their source topic with their "
                    + "key and bytes; one already re-published is skipped.")
    boolean republish;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "Kafka cluster (overrides the config file and KAFKA_BOOTSTRAP_SERVERS).")
    String bootstrapServers;

    @Option(names = "--topic-prefix", paramLabel = "P", description = "Topic name prefix (overrides the config file).")
    String topicPrefix;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file as for 'caseflow run' (kafka.* client settings, caseflow.topic.prefix, "
                    + "caseflow.application.id).")
    Path configFile;

    @CommandLine.Mixin
    ConnectTimeoutOption connectTimeout = new ConnectTimeoutOption();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DeadLetterSelection selection = DeadLetterSelection.of(offsets, reason);
        if (republish && !selection.narrowed()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--republish needs --offsets or --reason: choose what to re-publish");
        }
        CaseflowConfig config;
        try {
            config = ConfigLoader.load(configFile, System.getenv(), overrides());
        } catch (InvalidConfigException e) {
            err.println("caseflow dead-letters: " + e.getMessage());
            err.flush();
            return CaseflowCli.EXIT_BAD_INPUT;
        }
        Map<String, Object> client = new HashMap<>(config.kafka());
        KafkaReachability.require(client, config.connection().connectTimeout());
        String topic = config.topics().names().deadLetters();
        try {
            List<DeadLetter> all = new DeadLetterReader(client).readAll(topic);
            List<DeadLetter> chosen = selection.select(all);
            if (!republish) {
                chosen.forEach(letter -> out.println(json ? DeadLetterFormat.json(letter) : DeadLetterFormat.text(letter)));
                out.flush();
                err.println(chosen.size() + " of " + all.size() + " dead letters in " + topic);
                err.flush();
                return CaseflowCli.EXIT_OK;
            }
            return republish(new Republisher(client, config.streams().applicationId() + TRANSACTIONAL_ID_SUFFIX), chosen, out,
                    err);
        } catch (IllegalArgumentException e) {
            err.println("caseflow dead-letters: " + e.getMessage());
            err.flush();
            return CaseflowCli.EXIT_BAD_INPUT;
        } catch (CaseflowException | org.apache.kafka.common.KafkaException e) {
            err.println("caseflow dead-letters: failed: " + CaseflowCli.describe(e));
            err.flush();
            return CaseflowCli.EXIT_FAILURE;
        }
    }

    private int republish(Republisher republisher, List<DeadLetter> chosen, PrintWriter out, PrintWriter err) {
        List<Republisher.Outcome> outcomes = republisher.republish(chosen);
        Map<Republisher.Outcome.Kind, Integer> counts = new LinkedHashMap<>();
        for (Republisher.Outcome.Kind kind : Republisher.Outcome.Kind.values()) {
            counts.put(kind, 0);
        }
        for (Republisher.Outcome outcome : outcomes) {
            out.println(json ? DeadLetterFormat.json(outcome) : DeadLetterFormat.text(outcome));
            counts.merge(outcome.kind(), 1, Integer::sum);
        }
        out.flush();
        err.println(counts.get(Republisher.Outcome.Kind.REPUBLISHED) + " re-published, "
                + counts.get(Republisher.Outcome.Kind.ALREADY_REPUBLISHED) + " already re-published, "
                + counts.get(Republisher.Outcome.Kind.CANNOT) + " cannot be re-published");
        err.flush();
        return counts.get(Republisher.Outcome.Kind.CANNOT) == 0 ? CaseflowCli.EXIT_OK : CaseflowCli.EXIT_BAD_INPUT;
    }

    private Map<String, String> overrides() {
        return connectTimeout.overrides(bootstrapServers, topicPrefix);
    }
}
