package org.caseflow.streams.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.caseflow.streams.runtime.app.CaseflowRuntime;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.config.ConfigLoader;
import org.caseflow.streams.runtime.config.InvalidConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code caseflow run}: production mode against an existing cluster. Configuration = defaults → file →
 * environment, validated before anything starts; SIGTERM (the JVM shutdown hook) closes gracefully.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the streams app and HTTP server against an existing Kafka cluster.")
public final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file (caseflow.* and kafka.* keys); CASEFLOW_*/KAFKA_* env vars override it.")
    Path configFile;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        CaseflowConfig config;
        try {
            config = ConfigLoader.load(configFile, System.getenv());
        } catch (InvalidConfigException e) {
            err.println("caseflow run: " + e.getMessage());
            return CaseflowCli.EXIT_BAD_INPUT;
        }
        try (CaseflowRuntime runtime = CaseflowRuntime.start(config)) {
            Thread hook = new Thread(runtime::close, "caseflow-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            // Returns when the streams client stops by itself (fatal error); SIGTERM ends the JVM via the hook.
            runtime.app().awaitStopped(Duration.ofDays(365_000));
            if (runtime.closing()) {
                return CaseflowCli.EXIT_OK;
            }
            err.println("caseflow run: streams stopped in state " + runtime.app().state());
            return CaseflowCli.EXIT_FAILURE;
        }
    }
}
