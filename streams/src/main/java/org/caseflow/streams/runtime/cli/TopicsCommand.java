package org.caseflow.streams.runtime.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "topics", mixinStandardHelpOptions = true,
        description = "Create or verify every Caseflow topic with its partitions and configs.")
public final class TopicsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("caseflow topics: not built yet");
        return CaseflowCli.EXIT_FAILURE;
    }
}
