package org.caseflow.streams.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The topology run over events that carry judge ids, divisions and free-text reasons (the replay runs the demo's
 * topology on event time): none of those values reaches a log line or the console. They belong in the case history,
 * behind the API's scopes, and nowhere else.
 */
class NoPersonalDataInLogsTest {
    private static final Path EVENTS = Path.of("seeds", "scenarios", "valid-all-types.jsonl");

    @TempDir
    Path dir;

    @Test
    void shouldLogNoJudgeDivisionOrReasonOfTheEvents() throws Exception {
        Set<String> values = new LinkedHashSet<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(EVENTS, StandardCharsets.UTF_8)) {
            JsonNode event = json.readTree(line);
            for (String field : new String[] {"judge", "division", "reason"}) {
                if (event.hasNonNull(field) && event.path(field).asText().length() > 2) {
                    values.add(event.path(field).asText());
                }
            }
        }
        assertThat(values).contains("J-0211-017", "民一庭");

        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger caseflow = (Logger) LoggerFactory.getLogger("org.caseflow");
        Level before = caseflow.getLevel();
        root.addAppender(logs);
        caseflow.setLevel(Level.DEBUG);
        PrintStream err = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        int exit;
        try {
            System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
            exit = CaseflowCli.execute("replay", EVENTS.toString(), "--as-of", "2026-01-31",
                    "--cases-out", dir.resolve("cases.jsonl").toString());
        } finally {
            System.setErr(err);
            root.detachAppender(logs);
            caseflow.setLevel(before);
        }
        assertThat(exit).isZero();
        // The values are in the output the API serves ...
        String cases = Files.readString(dir.resolve("cases.jsonl"), StandardCharsets.UTF_8);
        assertThat(cases).contains("J-0211-017");
        // ... and in no log line, nor on the console.
        StringBuilder logged = new StringBuilder(console.toString(StandardCharsets.UTF_8));
        logs.list.forEach(e -> logged.append(e.getFormattedMessage()).append('\n'));
        assertThat(logged).isNotEmpty();
        for (String value : values) {
            assertThat(logged.toString()).as("logs").doesNotContain(value);
        }
    }
}
