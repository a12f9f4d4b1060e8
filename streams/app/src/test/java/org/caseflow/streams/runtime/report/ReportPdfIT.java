package org.caseflow.streams.runtime.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.caseflow.streams.runtime.cli.CliConsole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code caseflow report --pdf} with the real headless Chromium (Debian package {@code chromium}): an integration test,
 * since it starts a browser process (a few seconds); the pack's numbers are checked by {@link ReportCommandTest}.
 */
class ReportPdfIT {
    private static final String EVENTS = "seeds/scenarios/indicators/one-month.jsonl";

    @TempDir
    Path dir;

    private final CliConsole console = new CliConsole();

    private int report(String... args) {
        return console.run(args);
    }

    @Test
    void shouldPrintThePackToPdfWithHeadlessChromium() throws Exception {
        assumeTrue(Files.isExecutable(Path.of(PdfPrinter.DEFAULT_BINARY)) || "true".equals(System.getenv("CI")),
                "Debian package chromium not installed");
        Path html = dir.resolve("report.html");
        Path pdf = dir.resolve("report.pdf");
        int exit = report("report", "--court", "湘02", "--month", "2025-03", "--events", EVENTS, "--out", html.toString(),
                "--pdf", pdf.toString());
        assertThat(exit).as(console.err.toString()).isZero();
        byte[] bytes = Files.readAllBytes(pdf);
        assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        Files.createDirectories(Path.of("target", "report"));
        Files.copy(pdf, Path.of("target", "report", "report-湘02-2025-03.pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(html, Path.of("target", "report", "report-湘02-2025-03.html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
