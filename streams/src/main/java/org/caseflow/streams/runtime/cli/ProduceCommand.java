package org.caseflow.streams.runtime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;
import org.caseflow.streams.runtime.jsonl.EventFileReader;
import org.caseflow.streams.runtime.jsonl.ParsedLine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code caseflow produce FILE}: validates a JSON-lines event file (DESIGN.md section 3). With
 * {@code --dry-run} no broker is needed: rejections and warnings go to stderr in file order, the
 * summary {@code N valid, M invalid} to stdout. Publishing comes with the runtime.
 */
@Command(name = "produce", mixinStandardHelpOptions = true,
        description = "Validate a JSON-lines event file and publish it to the input topics.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:all lines valid", "2:bad usage, unreadable file or any invalid line"})
public final class ProduceCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "JSON-lines event file; - reads standard input.")
    String file;

    @Option(names = "--dry-run", description = "Validate only; print each bad line and a summary. Needs no broker.")
    boolean dryRun;

    @Option(names = "--max-line-bytes", paramLabel = "BYTES",
            description = "Longest accepted line in bytes (default: ${DEFAULT-VALUE}).")
    int maxLineBytes = EventFileReader.DEFAULT_MAX_LINE_BYTES;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (maxLineBytes <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--max-line-bytes must be positive, got " + maxLineBytes);
        }
        if (!dryRun) {
            err.println("caseflow produce: publishing needs a broker: pass --bootstrap-servers (coming with the runtime)");
            err.flush();
            return CaseflowCli.EXIT_BAD_INPUT;
        }
        EventFileReader.Summary summary;
        try {
            summary = new EventFileReader(maxLineBytes).read(file, line -> report(line, err));
        } catch (NoSuchFileException e) {
            return unreadable(err, "no such file");
        } catch (AccessDeniedException e) {
            return unreadable(err, "permission denied");
        } catch (IOException e) {
            return unreadable(err, e.getMessage());
        } finally {
            err.flush();
        }
        out.println(summary);
        out.flush();
        return summary.invalid() == 0 ? CaseflowCli.EXIT_OK : CaseflowCli.EXIT_BAD_INPUT;
    }

    private static void report(ParsedLine line, PrintWriter err) {
        if (line instanceof ParsedLine.Invalid bad) {
            err.println(bad.message());
        } else if (line instanceof ParsedLine.Valid ok) {
            ok.warnings().forEach(err::println);
        }
    }

    private int unreadable(PrintWriter err, String reason) {
        err.println("caseflow produce: cannot read " + file + ": " + reason);
        err.flush();
        return CaseflowCli.EXIT_BAD_INPUT;
    }
}
