package org.caseflow.streams.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** With the demo module on the class path, ./caseflow has every command (issue 14: "./caseflow keeps every command"). */
class DemoCommandsTest {
    @Test
    void shouldAddTheDemoCommandsToTheCommandLine() {
        assertThat(CaseflowCli.commandLine().getSubcommands().keySet())
                .contains("demo", "simulate", "bench", "run", "replay", "produce", "topics", "dead-letters", "report",
                        "token", "notify", "reference", "help");
        assertThat(CaseflowCli.commandLine().getSubcommands().keySet()).last().as("help closes the list").isEqualTo("help");
    }
}
