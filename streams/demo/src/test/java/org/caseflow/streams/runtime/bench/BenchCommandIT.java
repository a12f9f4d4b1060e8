package org.caseflow.streams.runtime.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.caseflow.streams.runtime.cli.CaseflowCli;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code caseflow bench} runs every phase on the embedded broker and prints each figure, and refuses bad options;
 * it asserts nothing about speed (this machine's speed is not a test result).
 */
class BenchCommandIT {
    @TempDir
    Path dir;

    @Test
    void shouldRefuseAnUnknownPhaseAndAStormBeyondTenMillionCases() {
        assertThat(CaseflowCli.execute("bench", "--skip", "lunch")).isEqualTo(CaseflowCli.EXIT_BAD_INPUT);
        assertThat(CaseflowCli.execute("bench", "--cases", "10000001")).isEqualTo(CaseflowCli.EXIT_BAD_INPUT);
        assertThat(CaseflowCli.execute("bench", "--recompute-cases", "0")).isEqualTo(CaseflowCli.EXIT_BAD_INPUT);
        assertThat(CaseflowCli.execute("bench", "--storm-warm-up-cases", "50000")).isEqualTo(CaseflowCli.EXIT_BAD_INPUT);
        assertThat(CaseflowCli.execute("bench", "--help")).isZero();
    }

    @Test
    @Tag("integration")
    void shouldPrintEveryFigureOfATinyRun() throws Exception {
        Path json = dir.resolve("figures.jsonl");
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int code;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            // A tiny storm drains in seconds; the time-out only bounds a failure.
            code = CaseflowCli.execute("bench", "--events", "1500", "--cases", "300", "--open", "1000",
                    "--recompute-cases", "300", "--storm-warm-up-cases", "200", "--storm-timeout", "120", "--out",
                    json.toString());
        } finally {
            System.setOut(original);
        }
        String printed = captured.toString(StandardCharsets.UTF_8);

        assertThat(code).isZero();
        assertThat(printed).contains("caseflow bench — summary", "events/s", "records written per input event",
                "midnight to last alert committed", "fencings", "tick with nothing due, 1000 open",
                "500-event / 5-event", "state directory bytes per case", "heap after GC");
        assertThat(printed).containsPattern("(?m)^storm\\s+crossings committed\\s+300 ");
        // What the storm wrote once the app stood still, per crossing and topic: each crossing's alert at least.
        assertThat(printed).containsPattern(
                "(?m)^storm\\s+records written per crossing \\(digests and commit markers included\\)\\s+[0-9.]+ records")
                .containsPattern("\\.caseflow\\.deadline-alerts\\s+1\\.\\d{3} per crossing");
        // The floor again as a Kafka Streams app with the app's settings, without and with a store, and the gap split.
        assertThat(printed).containsPattern("(?m)^floor\\s+the same copy as a Kafka Streams app .*events/s")
                .containsPattern("(?m)^floor\\s+the Streams copy with one cached store read and write per event\\s+[0-9.,]+ events/s")
                .containsPattern("(?m)^pipeline\\s+Streams copy / floor\\s+[0-9.]+ ratio")
                .containsPattern("(?m)^pipeline\\s+Streams copy with a store / floor\\s+[0-9.]+ ratio")
                .containsPattern("(?m)^pipeline\\s+pipeline / Streams copy with a store\\s+[0-9.]+ ratio");
        // What the targets allow in CPU on this machine's cores, and how far each copy, the pipeline and the storm are
        // from it: cores x (wall time per event at half the floor's rate), cores x 10 s / 350,000 crossings.
        int cores = Runtime.getRuntime().availableProcessors();
        assertThat(printed)
                .containsPattern("(?m)^floor\\s+the plain copy: process CPU per event \\(broker too when embedded\\)\\s+[0-9.,]+ µs")
                .containsPattern("(?m)^pipeline\\s+most process CPU per event at 0.5 x the floor's rate, " + cores
                        + " cores\\s+[0-9.,]+ µs")
                .containsPattern("(?m)^pipeline\\s+Streams copy with a store: process CPU per event / that\\s+[0-9.]+ ratio")
                .containsPattern("(?m)^pipeline\\s+pipeline: process CPU per event / that\\s+[0-9.]+ ratio")
                .containsPattern("(?m)^storm\\s+most process CPU per crossing at 350k in 10 s, " + cores + " cores\\s+"
                        + Pattern.quote(String.format(java.util.Locale.ROOT, "%,.2f", cores * 10e6 / 350_000)) + " µs")
                .containsPattern("(?m)^storm\\s+process CPU per crossing / that\\s+[0-9.]+ ratio");
        // The pipeline's CPU per event, by kind of thread, beside its rate (steadier than events/s on a shared machine).
        assertThat(printed).containsPattern("(?m)^pipeline\\s+stream-thread CPU per event\\s+[0-9.,]+ µs")
                .contains("CPU per event, stream threads");
        // Memory is read once the instance is at rest (the stream threads too), over a window, not once.
        assertThat(printed).contains("before the storm, JIT, RocksDB and the stream threads: ",
                "process RSS, median of 10 s after it", "process RSS, highest reading of those 10 s",
                "of it: heap committed (median)", "process RSS, peak since start (VmHWM");
        // Issue 15: a published calendar change touching every open case, each cited in a new snapshot.
        assertThat(printed).containsPattern("(?m)^recompute\\s+snapshots citing the new calendar\\s+300 ");
        assertThat(printed).containsPattern("(?m)^recompute\\s+fencings \\(rebalances during the recomputation\\)\\s+0");
        // Two untimed rounds of floor and pipeline, then a wait for the JIT, before the measured round.
        assertThat(printed.split(Pattern.quote("(warm-up) floor     consume, decode, produce"), -1)).hasSize(3);
        assertThat(printed).contains("(warm-up)   before the measured round: ");
        // Two warm-up storms (--storm-warm-up-cases each) cross two earlier midnights in the same app before the timed one.
        assertThat(printed.split("\\(warm-up\\) storm\\s+crossings committed\\s+200 ", -1)).hasSize(3);
        assertThat(printed).contains("(warm-up)   before the next warm-up storm: ");
        assertThat(printed).containsPattern("(?m)^storm\\s+cases loaded \\(warm-up cases included\\)\\s+700 ");
        List<String> lines = Files.readAllLines(json);
        assertThat(lines).hasSizeGreaterThan(10).allSatisfy(l -> assertThat(l).startsWith("{\"phase\":"));
        // The warm-up round is printed but not counted: one floor figure in the figures.
        assertThat(lines).filteredOn(l -> l.contains("consume, decode, produce")).hasSize(1);
    }
}
