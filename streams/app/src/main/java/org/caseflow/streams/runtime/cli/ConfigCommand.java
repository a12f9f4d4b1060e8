package org.caseflow.streams.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.config.ConfigDocs;
import org.caseflow.streams.runtime.config.ConfigLoader;
import org.caseflow.streams.runtime.config.InvalidConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code caseflow config}: checks a configuration as {@code run} would read it (file, then the environment) without
 * starting anything, or ({@code --doc}) prints the key tables of docs/operations.md from the definitions.
 */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Check a configuration (the file, then CASEFLOW_*/KAFKA_* variables) without starting anything,"
                + " or print every key with its default, valid values and meaning (--doc).",
        exitCodeListHeading = "%nExit status:%n", exitCodeList = {"0:valid (or --doc)", "2:invalid configuration"})
public final class ConfigCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file as for 'caseflow run'.")
    Path configFile;

    @Option(names = "--doc", description = "Print the key tables (Markdown) of docs/operations.md.")
    boolean doc;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (doc) {
            for (ConfigDocs.Table table : ConfigDocs.Table.values()) {
                out.println(ConfigDocs.markdown(table));
            }
            out.flush();
            return CaseflowCli.EXIT_OK;
        }
        try {
            CaseflowConfig config = ConfigLoader.load(configFile, System.getenv());
            out.println("configuration valid: " + config.describe());
            out.flush();
            return CaseflowCli.EXIT_OK;
        } catch (InvalidConfigException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("caseflow config: " + e.getMessage());
            err.flush();
            return CaseflowCli.EXIT_BAD_INPUT;
        }
    }
}
