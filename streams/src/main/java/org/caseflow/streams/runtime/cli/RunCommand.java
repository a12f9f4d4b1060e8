package org.caseflow.streams.runtime.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the streams app and HTTP server against an existing Kafka cluster.")
public final class RunCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("caseflow run: not built yet");
        return CaseflowCli.EXIT_FAILURE;
    }
}
