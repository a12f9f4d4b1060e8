package org.caseflow.streams.runtime.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.caseflow.streams.domain.input.EventChecks;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.jsonl.EventFileReader;
import org.caseflow.streams.runtime.jsonl.LineRanges;
import org.caseflow.streams.runtime.jsonl.ParsedLine;
import org.caseflow.streams.runtime.kafka.EventPublisher;
import org.caseflow.streams.runtime.kafka.PublishException;

/**
 * The two passes of {@code caseflow produce}: {@link #validate} reads the whole file and reports every bad line
 * before anything is sent (a year-9999 instant is refused here, not by the broker halfway through the file);
 * {@link #publish} reads it again and sends the lines found valid. When sending fails it says exactly which lines
 * the broker acknowledged, which it refused and which were never sent, so the operator knows what to send again
 * (sending a line twice is harmless: a repeated eventId changes nothing, DESIGN.md section 3).
 */
final class FilePublisher {
    /** The result of the first pass: counts, and which lines are valid (the ones to publish). */
    record Validation(EventFileReader.Summary summary, LineRanges valid) {
    }

    private final String file;
    private final int maxLineBytes;
    private final EventChecks checks;
    private final PrintWriter out;
    private final PrintWriter err;

    FilePublisher(String file, int maxLineBytes, EventChecks checks, PrintWriter out, PrintWriter err) {
        this.file = file;
        this.maxLineBytes = maxLineBytes;
        this.checks = checks;
        this.out = out;
        this.err = err;
    }

    /** Reads {@code source} to its end; rejections and warnings go to stderr in file order. */
    Validation validate(Path source) throws IOException {
        try (InputStream in = Files.newInputStream(source)) {
            return validate(in);
        }
    }

    /** Reads {@code in} to its end (not closed here); rejections and warnings go to stderr in file order. */
    Validation validate(InputStream in) throws IOException {
        LineRanges valid = new LineRanges();
        EventFileReader.Summary summary;
        try {
            summary = new EventFileReader(maxLineBytes, checks).read(in, line -> {
                ProduceCommand.report(line, err);
                if (line instanceof ParsedLine.Valid) {
                    valid.add(line.line());
                }
            });
        } finally {
            err.flush();
        }
        return new Validation(summary, valid);
    }

    /** Publishes the valid lines of {@code in} (closed here); the exit status. */
    int publish(InputStream in, Validation validation, CaseflowConfig config, Instant tickAt) throws IOException {
        try (in; EventPublisher publisher = EventPublisher.create(config.kafka(), config.topics().names())) {
            try {
                publisher.requireTopics();
                new EventFileReader(maxLineBytes, checks).read(in, line -> send(line, validation.valid(), publisher));
                long published = publisher.flush();
                if (tickAt != null) {
                    int partitions = publisher.clockTick(tickAt);
                    out.println("clock tick " + tickAt + " sent to " + partitions + " partitions of "
                            + String.join(", ", config.topics().names().inputs()));
                }
                out.println(published + " published, " + validation.summary().invalid() + " invalid");
                out.flush();
                return validation.summary().invalid() == 0 ? CaseflowCli.EXIT_OK : CaseflowCli.EXIT_BAD_INPUT;
            } catch (PublishException e) {
                publisher.settle();
                err.println("caseflow produce: publishing failed: " + e.getMessage());
                err.println("caseflow produce: " + publisher.ledger().describe(validation.valid()));
                err.flush();
                return CaseflowCli.EXIT_FAILURE;
            }
        }
    }

    /** Sends a line found valid by the first pass; a line that reads differently now means the file changed. */
    private void send(ParsedLine line, LineRanges valid, EventPublisher publisher) {
        boolean wasValid = valid.contains(line.line());
        if (line instanceof ParsedLine.Valid ok && wasValid) {
            publisher.publish(ok.event(), ok.line());
        } else if (line instanceof ParsedLine.Valid || wasValid) {
            throw new PublishException(file + " changed after it was validated (line " + line.line()
                    + " reads differently); publishing stopped", null);
        }
    }
}
