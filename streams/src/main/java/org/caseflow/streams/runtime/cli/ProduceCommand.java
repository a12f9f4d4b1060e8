package org.caseflow.streams.runtime.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "produce", mixinStandardHelpOptions = true,
        description = "Validate a JSON-lines event file and publish it to the input topics.")
public final class ProduceCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("caseflow produce: not built yet");
        return CaseflowCli.EXIT_FAILURE;
    }
}
