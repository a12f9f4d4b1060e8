package org.caseflow.streams.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Standard output carries only what was asked for; progress goes to standard error. Progress is set to print a
 * line at every record (interval zero), so whether lines appear never depends on how fast the machine is.
 */
class CommandOutputTest {
    private static final String VALID = "seeds/scenarios/valid-all-types.jsonl";
    private static final String STATUTORY = "seeds/scenarios/statutory/03-roll-forward.jsonl";
    private static final Progress.Settings EVERY_RECORD =
            new Progress.Settings(Progress.Mode.LINES, Duration.ZERO, System::nanoTime);

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Callable<Integer> command, String... args) {
        return new CommandLine(command).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
    }

    private static <T> T with(T command, Consumer<T> setUp) {
        setUp.accept(command);
        return command;
    }

    @Test
    void shouldShowValidationProgressOnStandardErrorOnly() {
        int exit = run(with(new ProduceCommand(), c -> c.progress = EVERY_RECORD), VALID, "--dry-run");
        assertThat(exit).isZero();
        assertThat(out.toString()).isEqualTo("24 valid, 0 invalid" + System.lineSeparator());
        List<String> progress = err.toString().lines().toList();
        // Progress counts the bytes read (a file's share is known up front; produce reads it twice).
        assertThat(progress).first().asString().matches("validating: [0-9,]+ bytes, .*");
        long size = new java.io.File(VALID).length();
        assertThat(progress).last().asString()
                .startsWith("validating: " + String.format(java.util.Locale.ROOT, "%,d", size) + " bytes in ");
        assertThat(progress).allMatch(line -> line.startsWith("validating: "));
    }

    @Test
    void shouldKeepEachRejectedLineWholeBetweenProgressLines() {
        run(with(new ProduceCommand(), c -> c.progress = EVERY_RECORD), "seeds/scenarios/broken-lines.jsonl",
                "--dry-run");
        assertThat(err.toString().lines()).contains("line 3: json: expected a JSON object, found array")
                .allMatch(line -> line.startsWith("validating: ") || line.startsWith("line "));
    }

    @Test
    void shouldWriteNothingToStandardOutputWhenNoOutputIsAskedFor() {
        int exit = run(with(new ReplayCommand(), c -> c.progress = EVERY_RECORD), STATUTORY, "--as-of", "2026-03-01");
        assertThat(exit).isZero();
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("replay: reading: ", "replay: applying: ",
                "replay: 15 events applied: 13 cases, ", "replay: nothing written: choose outputs with --cases-out");
    }

    @Test
    void shouldWriteOnlyTheAskedOutputToStandardOutput() throws Exception {
        Path cases = dir.resolve("cases.jsonl");
        int exit = run(new ReplayCommand(), STATUTORY, "--as-of", "2026-03-01", "--alerts-out", "-",
                "--cases-out", cases.toString());
        assertThat(exit).isZero();
        assertThat(out.toString().lines()).isNotEmpty().allMatch(line -> line.startsWith("{\"alertId\":"));
        assertThat(Files.readAllLines(cases)).hasSize(13);
        assertThat(err.toString()).doesNotContain("nothing written");
    }

    @Test
    void shouldShowSimulationProgressWhenWritingAFile() throws Exception {
        Path file = dir.resolve("events.jsonl");
        int exit = run(with(new SimulateCommand(), c -> c.progress = EVERY_RECORD), "--max-events", "50",
                "--out", file.toString());
        assertThat(exit).isZero();
        assertThat(Files.readAllLines(file)).hasSize(50);
        assertThat(err.toString()).contains("simulate: 1 events, ", "simulate: 50 events in ");
    }

    @Test
    void shouldShowNoSimulationProgressWhenTheEventsGoToStandardOutput() {
        int exit = run(with(new SimulateCommand(), c -> c.progress = EVERY_RECORD), "--max-events", "5");
        assertThat(exit).isZero();
        assertThat(err.toString()).doesNotContain("simulate: 1 events");
    }
}
