package org.caseflow.streams.runtime.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseflow.streams.runtime.cli.CaseflowCli;
import org.caseflow.streams.runtime.cli.CliConsole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code caseflow report} on the one-month scenario (seeds/scenarios/indicators): the pack's numbers are the hand-computed
 * values of its README (March 2025), read back from the cells' {@code data-scope}/{@code data-indicator}.
 */
class ReportCommandTest {
    private static final String EVENTS = "seeds/scenarios/indicators/one-month.jsonl";
    private static final Pattern CELL = Pattern.compile(
            "data-scope=\"([^\"]+)\" data-indicator=\"([A-Z_0-9]+)\">([^<]*)<");

    @TempDir
    Path dir;

    private final CliConsole console = new CliConsole();

    private int report(String... args) {
        return console.run(args);
    }

    /** scope|indicator → the cell's text, first occurrence (the headline table comes before the ranking). */
    private static Map<String, String> cells(String html) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = CELL.matcher(html);
        while (m.find()) {
            out.putIfAbsent(m.group(1) + "|" + m.group(2), m.group(3));
        }
        return out;
    }

    @Test
    void shouldGiveTheHandComputedValuesOfTheOneMonthScenario() throws Exception {
        Path html = dir.resolve("report.html");
        int exit = report("report", "--court", "湘02", "--month", "2025-03", "--events", EVENTS, "--out", html.toString());
        assertThat(exit).as(console.err.toString()).isZero();
        String text = Files.readString(html, StandardCharsets.UTF_8);
        Map<String, String> cells = cells(text);
        // 湘02 with its courts, ALL (README table, second row)
        assertThat(cells).containsEntry("湘02|tree|FILINGS", "5").containsEntry("湘02|tree|CLOSURES", "3")
                .containsEntry("湘02|tree|CLEARANCE_RATE", "60.0 %").containsEntry("湘02|tree|ON_TIME_CLOSURE_RATE", "66.7 %")
                .containsEntry("湘02|tree|APPEAL_RATE", "33.3 %").containsEntry("湘02|tree|CASE_MATTER_RATIO", "1 : 1.67")
                .containsEntry("湘02|tree|PENDING", "3");
        // 湘0211 alone (first row) and 湘02 alone (third row), in the ranking of the courts
        assertThat(cells).containsEntry("湘0211|court|FILINGS", "3").containsEntry("湘0211|court|CLOSURES", "2")
                .containsEntry("湘0211|court|CLEARANCE_RATE", "66.7 %").containsEntry("湘0211|court|ON_TIME_CLOSURE_RATE", "50.0 %")
                .containsEntry("湘0211|court|APPEAL_RATE", "50.0 %").containsEntry("湘0211|court|CASE_MATTER_RATIO", "1 : 1.50")
                .containsEntry("湘0211|court|PENDING", "2");
        assertThat(cells).containsEntry("湘02|court|FILINGS", "1").containsEntry("湘02|court|CLOSURES", "0")
                .containsEntry("湘02|court|CLEARANCE_RATE", "0.0 %").containsEntry("湘02|court|ON_TIME_CLOSURE_RATE", "—")
                .containsEntry("湘02|court|PENDING", "1");
        // No data in March 2024: the year-earlier column stays blank instead of showing 0.
        assertThat(text).contains("data-previous-year=\"FILINGS\"></td>");
        // Every court of the tree is ranked; the open cases are listed (the appeal 301号 is open at 湘02).
        assertThat(text).contains("data-court=\"湘0211\"", "data-court=\"湘0281\"", "data-case-id=\"(2025)湘02民终301号\"");
        assertThat(text).contains("结收比", "Clearance rate", "月度审判质效讲评");
    }

    @Test
    void shouldRefuseAnUnknownCourtAndABadMonth() {
        assertThat(report("report", "--court", "京01", "--month", "2025-03", "--events", EVENTS, "--out",
                dir.resolve("r.html").toString())).isEqualTo(CaseflowCli.EXIT_BAD_INPUT);
        assertThat(report("report", "--court", "湘02", "--month", "March", "--events", EVENTS, "--out",
                dir.resolve("r.html").toString())).isEqualTo(CaseflowCli.EXIT_BAD_INPUT);
    }
}
