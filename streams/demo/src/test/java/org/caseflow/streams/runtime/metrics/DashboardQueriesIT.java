package org.caseflow.streams.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.caseflow.streams.runtime.Waits;
import org.caseflow.streams.runtime.app.CaseflowRuntime;
import org.caseflow.streams.runtime.app.SimulatorFeed;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.kafka.OverdueInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped dashboards and alert rules against the truth: a Caseflow instance configured like the demo (event
 * time, default metrics settings) fed by the demo's simulator, scraped every second by a real Prometheus that
 * evaluates the shipped rules. Every query of every panel must answer with data, and every rule's operands with
 * series; /metrics must stay within the series budget. Polls with generous time-outs: the load takes a while to
 * process on a busy machine, and no assertion depends on how fast it goes.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardQueriesIT {
    /** docs/operations.md, "Metrics budget": /metrics of the default demo. */
    static final int SERIES_BUDGET = 1_500;
    private static final Duration PATIENCE = Duration.ofMinutes(6);

    @TempDir
    static Path dir;
    private CaseflowRuntime runtime;
    private SimulatorFeed feed;
    private PrometheusServer prometheus;
    private Set<String> missingAtStartUp;
    private int maxIndicatorSeries;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(PrometheusServer.installed(), "Debian package prometheus not installed");
        CaseflowConfig config = OverdueInstance.config("dash", dir.resolve("state"))
                .with(Map.of("caseflow.clock.mode", "EVENT_TIME"));
        maxIndicatorSeries = config.indicators().export().maxSeries();
        runtime = CaseflowRuntime.start(config);
        assertThat(runtime.app().awaitRunning(PATIENCE)).isTrue();
        missingAtStartUp = awaitStartUpMetrics();
        // The demo's simulator and seed; 400 days so that the 12 months a year earlier (同比) have data, at a quarter
        // of the demo's volume so that it is processed in a minute or two.
        feed = SimulatorFeed.start(config.bootstrapServers(), config.topics().names(), config.seedsDir(), 42, 7200,
                Duration.ofDays(400), 0.05);
        prometheus = PrometheusServer.start(dir, "127.0.0.1:" + config.http().port(), RuleExpressions.RULES);
        awaitLoad();
    }

    @AfterAll
    void stop() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
        if (feed != null) {
            feed.close();
        }
        if (runtime != null) {
            runtime.close();
        }
    }

    /** The warm-up processed: indicators exported, including values a year earlier, and the inputs caught up. */
    private void awaitLoad() throws InterruptedException {
        prometheus.await("count(caseflow_indicator_previous_year > 0)", PATIENCE, r -> r.size() > 0);
        prometheus.await("sum(caseflow_events_total{outcome=\"applied\"}) > 10000 and on () "
                + "sum(kafka_consumer_fetch_manager_records_lag{topic=~\".*courts.*\"}) < 100", PATIENCE,
                r -> r.size() > 0);
    }

    /**
     * Every metric a panel or rule reads is on /metrics of a running instance before its first event, except the
     * indicator values themselves (they appear with the first indicators computed) and Prometheus's own {@code up}.
     */
    private Set<String> awaitStartUpMetrics() throws Exception {
        Set<String> wanted = new TreeSet<>();
        Pattern name = Pattern.compile("\\b(?:caseflow|kafka|jvm)_[a-z0-9_]+");
        List<String> expressions = new ArrayList<>(RuleExpressions.alerts(RuleExpressions.RULES).values());
        for (Path file : DashboardQueries.appFiles()) {
            DashboardQueries.read(file).findValues("expr").forEach(e -> expressions.add(e.asText()));
        }
        for (String expr : expressions) {
            Matcher m = name.matcher(expr);
            while (m.find()) {
                wanted.add(m.group());
            }
        }
        wanted.removeAll(Set.of("caseflow_indicator", "caseflow_indicator_previous_year"));
        assertThat(wanted).as("metric names read by dashboards and rules").hasSizeGreaterThan(30);
        Callable<Set<String>> missing = () -> {
            MetricsText metrics = MetricsText.scrape(runtime.http().port());
            Set<String> absent = new TreeSet<>(wanted);
            absent.removeIf(n -> metrics.count(n) > 0);
            return absent;
        };
        try {
            // Kafka registers some client metrics with the first fetch after RUNNING.
            return Waits.await("every metric the panels and rules read exported").until(missing, Set::isEmpty);
        } catch (ConditionTimeoutException e) {
            return missing.call(); // the test names what is still missing
        }
    }

    @Test
    void shouldExportEveryMetricThePanelsAndRulesReadFromStartUp() {
        assertThat(missingAtStartUp).as("missing from /metrics before the first event").isEmpty();
    }

    @Test
    void shouldAnswerEveryQueryOfEveryPanelWithData() throws Exception {
        List<DashboardQueries.Query> queries = new ArrayList<>();
        for (Path file : DashboardQueries.appFiles()) {
            queries.addAll(DashboardQueries.of(DashboardQueries.read(file), prometheus));
        }
        assertThat(queries).as("queries of the three dashboards").hasSizeGreaterThan(60);
        System.out.println("Dashboard queries checked against Prometheus: " + queries.size());
        for (DashboardQueries.Query q : queries) {
            // Rates and increases need two scrapes inside their window; the first answer may still be empty.
            JsonNode result = prometheus.await(q.expr(), r -> r.size() > 0);
            if (!q.repeated()) {
                assertThat(anyNumber(result)).as("%s: only NaN", q).isTrue();
            }
        }
        // The repetitions take each variable's first value (the intermediate court alone): its year-earlier values
        // (B) exist once the simulated clock has run far enough past the start of the data for its first appeals
        // to fall in the year-earlier window, so this waits on that rather than looking once.
        Set<String> notOnlyNaN = new TreeSet<>();
        try {
            // Every two seconds: a round asks Prometheus every query of the panel.
            Waits.await("each query of the repeated indicator panel shows a number", PATIENCE)
                    .pollInterval(Duration.ofSeconds(2)).until(() -> {
                        for (DashboardQueries.Query q : queries) {
                            if (q.repeated() && anyNumber(prometheus.query(q.expr()))) {
                                notOnlyNaN.add(q.refId());
                            }
                        }
                        return notOnlyNaN.containsAll(List.of("A", "B", "C", "D"));
                    });
        } catch (ConditionTimeoutException e) {
            // the assertion below names the queries that never showed a number
        }
        assertThat(notOnlyNaN).as("each query of the repeated indicator panel shows a number in some repetition")
                .contains("A", "B", "C", "D");
    }

    @Test
    void shouldAnswerTheOperandsOfEveryRuleWithSeries() throws Exception {
        Map<String, String> alerts = RuleExpressions.alerts(RuleExpressions.RULES);
        assertThat(alerts).hasSizeGreaterThanOrEqualTo(14);
        for (Map.Entry<String, String> rule : alerts.entrySet()) {
            List<String> operands = RuleExpressions.operands(rule.getValue());
            assertThat(operands).as(rule.getKey()).isNotEmpty();
            for (String operand : operands) {
                prometheus.await(operand, r -> r.size() > 0);
            }
        }
    }

    @Test
    void shouldExportNoMoreSeriesThanTheBudgetUnderSimulatedLoad() throws Exception {
        MetricsText metrics = MetricsText.scrape(runtime.http().port());
        System.out.println("Series on /metrics under simulated load: " + metrics.total() + " " + metrics.byFamily());
        assertThat(metrics.count("caseflow_indicator")).as("indicator gauges exported").isPositive();
        assertThat(metrics.count("kafka_consumer_fetch_manager_records_lag")).as("Kafka client metrics").isPositive();
        assertThat(metrics.total()).as("series on /metrics; by family: %s", metrics.byFamily())
                .isLessThanOrEqualTo(SERIES_BUDGET);
        // Indicator series appear as indicators are computed; at most up to their cap, which must fit too.
        int indicators = metrics.count("caseflow_indicator") + metrics.count("caseflow_indicator_previous_year");
        assertThat(metrics.total() - indicators + maxIndicatorSeries).as("with the indicator export at its cap")
                .isLessThanOrEqualTo(SERIES_BUDGET);
    }

    private static boolean anyNumber(JsonNode result) {
        for (JsonNode series : result) {
            String value = series.path("value").path(1).asText();
            if (!"NaN".equals(value)) {
                return true;
            }
        }
        return false;
    }
}
