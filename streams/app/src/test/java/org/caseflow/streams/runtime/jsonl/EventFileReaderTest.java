package org.caseflow.streams.runtime.jsonl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import org.caseflow.streams.domain.input.TestChecks;
import org.junit.jupiter.api.Test;

class EventFileReaderTest {
    private static final String VALID = "{\"eventId\":\"e-%d\",\"type\":\"ENFORCEMENT_ACTION\",\"caseId\":\"(2025)湘0211执1021号\","
            + "\"court\":\"湘0211\",\"occurredAt\":\"2025-11-07T14:12:00+08:00\",\"action\":\"SEIZURE\"}";

    private final List<ParsedLine> lines = new ArrayList<>();

    private EventFileReader.Summary read(byte[] bytes, int maxLineBytes) throws IOException {
        return new EventFileReader(maxLineBytes, TestChecks.SEEDED).read(new ByteArrayInputStream(bytes), lines::add);
    }

    private EventFileReader.Summary read(String text) throws IOException {
        return read(text.getBytes(StandardCharsets.UTF_8), EventFileReader.DEFAULT_MAX_LINE_BYTES);
    }

    private List<String> messages() {
        return lines.stream().filter(ParsedLine.Invalid.class::isInstance)
                .map(line -> ((ParsedLine.Invalid) line).message()).toList();
    }

    @Test
    void shouldNumberLinesCountingSkippedBlankLines() throws IOException {
        EventFileReader.Summary summary = read(VALID.formatted(1) + "\n\n   \n" + VALID.formatted(2) + "\n");
        assertThat(summary.toString()).isEqualTo("2 valid, 0 invalid");
        assertThat(lines).extracting(ParsedLine::line).containsExactly(1L, 4L);
    }

    @Test
    void shouldReadLastLineWithoutTerminatorAndCrLfLines() throws IOException {
        read(VALID.formatted(1) + "\r\n" + VALID.formatted(2));
        assertThat(lines).allMatch(ParsedLine.Valid.class::isInstance).hasSize(2);
    }

    @Test
    void shouldIgnoreByteOrderMarkAtFileStart() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.write(VALID.formatted(1).getBytes(StandardCharsets.UTF_8));
        assertThat(read(bytes.toByteArray(), EventFileReader.DEFAULT_MAX_LINE_BYTES).valid()).isEqualTo(1);
    }

    @Test
    void shouldRejectInvalidUtf8AndGoOn() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write("{\"eventId\":\"".getBytes(StandardCharsets.UTF_8));
        bytes.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
        bytes.write("\"}\n".getBytes(StandardCharsets.UTF_8));
        bytes.write(VALID.formatted(2).getBytes(StandardCharsets.UTF_8));
        EventFileReader.Summary summary = read(bytes.toByteArray(), EventFileReader.DEFAULT_MAX_LINE_BYTES);
        assertThat(messages()).containsExactly("line 1: encoding: invalid UTF-8 at byte 13 of the line");
        assertThat(summary.toString()).isEqualTo("1 valid, 1 invalid");
    }

    @Test
    void shouldRejectTruncatedMultiByteSequence() throws IOException {
        byte[] han = "湘".getBytes(StandardCharsets.UTF_8);
        read(new byte[] {'{', han[0], han[1], '\n'}, 100);
        assertThat(messages()).containsExactly("line 1: encoding: invalid UTF-8 at byte 2 of the line");
    }

    @Test
    void shouldRejectLineOverTheSizeLimitAndGoOn() throws IOException {
        String big = VALID.formatted(1).replace("SEIZURE\"}", "SEIZURE\",\"pad\":\"" + "x".repeat(70_000) + "\"}");
        EventFileReader.Summary summary = read(big + "\n" + VALID.formatted(2) + "\n");
        int size = big.getBytes(StandardCharsets.UTF_8).length;
        assertThat(messages()).containsExactly("line 1: size: line is " + size + " bytes, over the limit of 65536 bytes");
        assertThat(summary.valid()).isEqualTo(1);
    }

    @Test
    void shouldHonourConfiguredLimitExactly() throws IOException {
        byte[] line = VALID.formatted(1).getBytes(StandardCharsets.UTF_8);
        read((VALID.formatted(1) + "\r\n").getBytes(StandardCharsets.UTF_8), line.length);
        assertThat(lines).singleElement().isInstanceOf(ParsedLine.Valid.class);
        lines.clear();
        read(line, line.length - 1);
        assertThat(messages()).singleElement().asString().startsWith("line 1: size: line is " + line.length + " bytes");
    }

    @Test
    void shouldCountWarnings() throws IOException {
        EventFileReader.Summary summary = read(VALID.formatted(1).replace("}", ",\"extra\":1}"));
        assertThat(summary.warnings()).isEqualTo(1);
        assertThat(((ParsedLine.Valid) lines.get(0)).warnings()).containsExactly("line 1: extra: unknown field, ignored");
    }

    @Test
    void shouldFailWithNoSuchFileForMissingFile() {
        assertThatThrownBy(() -> new EventFileReader(TestChecks.SEEDED).read("seeds/scenarios/does-not-exist.jsonl", lines::add))
                .isInstanceOf(NoSuchFileException.class);
    }
}
