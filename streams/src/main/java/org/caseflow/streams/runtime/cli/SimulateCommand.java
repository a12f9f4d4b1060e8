package org.caseflow.streams.runtime.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Write a realistic, seeded synthetic event stream for the Zhuzhou courts.")
public final class SimulateCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("caseflow simulate: not built yet");
        return CaseflowCli.EXIT_FAILURE;
    }
}
