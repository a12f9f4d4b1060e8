package org.caseflow.streams.runtime.cli;

import org.caseflow.streams.runtime.kafka.KafkaUnreachableException;
import java.util.Locale;
import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code caseflow} command line. Exit status: 0 success, 1 runtime failure, 2 bad usage or
 * bad input (DESIGN.md section 7).
 */
@Command(name = "caseflow", mixinStandardHelpOptions = true, versionProvider = CaseflowCli.Version.class,
        description = "Streaming case-flow monitor for courts: statutory trial deadlines, alerts and indicators.",
        subcommands = {
            RunCommand.class,
            ReplayCommand.class,
            ProduceCommand.class,
            TopicsCommand.class,
            DeadLettersCommand.class,
            ReportCommand.class,
            TokenCommand.class,
            NotifyCommand.class,
            ReferenceCommand.class,
            ConfigCommand.class
        })
public final class CaseflowCli implements Runnable {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    static {
        // Avro 1.12 instantiates only trusted classes; ours are the generated contract classes.
        if (System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES") == null) {
            System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES", "org.caseflow.events");
        }
    }

    public static void main(String[] args) {
        // Kafka Streams builds a trace message with String.format for every record of a task with an empty input
        // partition, trace logging on or off (PartitionGroup.readyToProcess when max.task.idle.ms >= 0). Outside
        // Locale.US every such %d looks up DecimalFormatSymbols: 4 % of the stream thread in a midnight storm. The
        // US format locale skips it; Caseflow's own messages are English and write digits the same in either.
        Locale.setDefault(Locale.Category.FORMAT, Locale.US);
        System.exit(execute(args));
    }

    /** Runs the command line without exiting; tests call this. */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The command line with its exit-status rules; tests give it their own standard output and error. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new CaseflowCli());
        // demo, simulate and bench come from the demo module when it is on the class path (./caseflow), not in production.
        for (CommandSet set : ServiceLoader.load(CommandSet.class)) {
            set.commands().forEach(commandLine::addSubcommand);
        }
        commandLine.addSubcommand(new CommandLine.HelpCommand()); // last in the list, after the demo's commands
        return commandLine
                .setExecutionExceptionHandler((exception, cmd, parseResult) -> {
                    if (exception instanceof KafkaUnreachableException unreachable) {
                        // Its message already says what and where; the class name would only add noise.
                        cmd.getErr().println("caseflow " + cmd.getCommandName() + ": " + unreachable.getMessage());
                        return EXIT_FAILURE;
                    }
                    boolean badInput = isBadInput(exception);
                    cmd.getErr().println("caseflow " + cmd.getCommandName() + ": " + (badInput ? "" : "failed: ")
                            + describe(exception));
                    return badInput ? EXIT_BAD_INPUT : EXIT_FAILURE;
                });
    }

    /**
     * Problems of what the user gave us — a path that cannot be read or written, seed files, a Kafka
     * setting, an option value — are bad input (exit 2); anything else is a runtime failure (exit 1).
     */
    static boolean isBadInput(Throwable e) {
        return e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException
                || e instanceof org.caseflow.streams.domain.seeds.SeedException
                || e instanceof org.apache.kafka.common.config.ConfigException
                || e instanceof IllegalArgumentException;
    }

    /** The message with its kind, and the cause's when it adds something. */
    static String describe(Throwable e) {
        String text = e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && (e.getMessage() == null
                || !e.getMessage().contains(cause.getMessage()))) {
            text += " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
        }
        return text;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (see --help)");
    }

    /** Version from the jar manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = CaseflowCli.class.getPackage().getImplementationVersion();
            return new String[] {"caseflow " + (version == null ? "development" : version)};
        }
    }
}
