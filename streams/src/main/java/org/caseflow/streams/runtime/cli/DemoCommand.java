package org.caseflow.streams.runtime.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run everything on an embedded broker: Kafka, topics, simulator, streams app and HTTP server.")
public final class DemoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("caseflow demo: not built yet");
        return CaseflowCli.EXIT_FAILURE;
    }
}
