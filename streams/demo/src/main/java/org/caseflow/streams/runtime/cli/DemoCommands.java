package org.caseflow.streams.runtime.cli;

import java.util.List;

/** The demo module's commands (registered in META-INF/services): the embedded broker, the simulator, the benchmark. */
public final class DemoCommands implements CommandSet {
    @Override
    public List<Object> commands() {
        return List.of(new DemoCommand(), new SimulateCommand(), new BenchCommand());
    }
}
