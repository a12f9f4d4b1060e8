package org.caseflow.streams.runtime.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.caseflow.CaseflowException;

/**
 * Prints an HTML file to PDF with headless Chromium ({@code --print-to-pdf}): the browser lays the report out exactly
 * as on screen, Chinese text included, with no PDF library to keep up to date. Needs the {@code chromium} binary
 * (Debian package {@code chromium}).
 */
public final class PdfPrinter {
    public static final String DEFAULT_BINARY = "/usr/bin/chromium";
    private static final long TIMEOUT_SECONDS = 120;

    private PdfPrinter() {
    }

    public static void print(Path chromium, Path html, Path pdf) throws IOException, InterruptedException {
        if (!Files.isExecutable(chromium)) {
            throw new CaseflowException("cannot print a PDF: no Chromium at " + chromium + " (install the Debian package "
                    + "chromium or give --chromium PATH)");
        }
        Path profile = Files.createTempDirectory("caseflow-pdf");
        Path log = profile.resolve("chromium.log");
        try {
            Process p = new ProcessBuilder(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--user-data-dir=" + profile.resolve("profile"), "--no-pdf-header-footer",
                    "--print-to-pdf=" + pdf.toAbsolutePath(), html.toAbsolutePath().toUri().toString()))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new CaseflowException("Chromium did not finish printing " + pdf + " within " + TIMEOUT_SECONDS + " s");
            }
            if (!Files.exists(pdf) || Files.size(pdf) == 0) {
                throw new CaseflowException("Chromium wrote no PDF (exit " + p.exitValue() + "): " + Files.readString(log));
            }
        } finally {
            try (var paths = Files.walk(profile)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
