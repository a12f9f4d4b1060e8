package org.caseflow.streams.runtime.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Deterministic offline run of the topology on event time; writes JSON lines.")
public final class ReplayCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("caseflow replay: not built yet");
        return CaseflowCli.EXIT_FAILURE;
    }
}
