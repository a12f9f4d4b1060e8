package org.caseflow.streams.runtime.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code caseflow} command line. Exit status: 0 success, 1 runtime failure, 2 bad usage or
 * bad input (DESIGN.md section 7).
 */
@Command(name = "caseflow", mixinStandardHelpOptions = true, versionProvider = CaseflowCli.Version.class,
        description = "Streaming case-flow monitor for courts: statutory trial deadlines, alerts and indicators.",
        subcommands = {
            DemoCommand.class,
            RunCommand.class,
            ReplayCommand.class,
            ProduceCommand.class,
            SimulateCommand.class,
            TopicsCommand.class,
            CommandLine.HelpCommand.class
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
        System.exit(execute(args));
    }

    /** Runs the command line without exiting; tests call this. */
    public static int execute(String... args) {
        CommandLine commandLine = new CommandLine(new CaseflowCli())
                .setExecutionExceptionHandler((exception, cmd, parseResult) -> {
                    cmd.getErr().println("caseflow: " + exception.getMessage());
                    return EXIT_FAILURE;
                });
        return commandLine.execute(args);
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
