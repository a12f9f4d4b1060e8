package org.caseflow.streams.runtime.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * {@code caseflow} run in-process with standard output and error of its own, kept for the test to read (one copy for
 * the tests that drive commands by their arguments).
 */
public final class CliConsole {
    /** What the commands run so far printed on standard output; {@code getBuffer().setLength(0)} forgets it. */
    public final StringWriter out = new StringWriter();
    /** What they printed on standard error. */
    public final StringWriter err = new StringWriter();

    /** Runs {@code caseflow ARGS...} and returns its exit status. */
    public int run(String... args) {
        return CaseflowCli.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
    }
}
