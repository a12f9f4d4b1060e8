package org.caseflow.streams.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.caseflow.events.AlertLevel;
import org.caseflow.events.AlertStatus;
import org.caseflow.streams.domain.digest.DigestKind;
import org.caseflow.streams.runtime.Waits;
import org.caseflow.streams.runtime.notify.FlakyEndpoint;
import org.caseflow.streams.runtime.notify.FlakyEndpoint.Answer;
import org.caseflow.streams.runtime.notify.NotifyFixture;
import org.caseflow.streams.runtime.notify.NotifyService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notify dashboard and alert rules against a real Prometheus scraping a running {@code caseflow notify} whose
 * endpoint fails on purpose (5xx then success, one 400): every panel query and every rule operand answers with series,
 * and the rules pass promtool (checked and unit-tested, each rule both firing and not).
 */
@Tag("integration")
class NotifyDashboardIT {
    private static final Path RULES = Path.of("deploy/prometheus/caseflow-notify-alerts.yml");
    private static final Path RULE_TESTS = Path.of("deploy/prometheus/caseflow-notify-alerts.test.yml");

    @TempDir
    Path dir;

    @Test
    void shouldPassPromtoolAndTestEveryNotifyRuleFiringAndNot() throws Exception {
        assumeTrue(PrometheusServer.installed(), "Debian package prometheus not installed");
        assertThat(run("promtool", "check", "rules", RULES.toString())).isZero();
        assertThat(run("promtool", "test", "rules", RULE_TESTS.toString())).isZero();
        Map<String, Set<Boolean>> fires = new TreeMap<>();
        for (JsonNode test : new ObjectMapper(new YAMLFactory()).readTree(RULE_TESTS.toFile()).path("tests")) {
            for (JsonNode check : test.path("alert_rule_test")) {
                fires.computeIfAbsent(check.path("alertname").asText(), k -> new TreeSet<>()).add(check.path("exp_alerts").size() > 0);
            }
        }
        assertThat(RuleExpressions.alerts(RULES)).isNotEmpty();
        for (String alert : RuleExpressions.alerts(RULES).keySet()) {
            assertThat(fires.get(alert)).as("promtool tests of %s (firing, not firing)", alert).containsExactly(false, true);
        }
    }

    @Test
    void shouldAnswerEveryPanelAndRuleOperandOfANotifyInstance() throws Exception {
        assumeTrue(PrometheusServer.installed(), "Debian package prometheus not installed");
        NotifyFixture fx = new NotifyFixture();
        try (FlakyEndpoint endpoint = FlakyEndpoint.start(0, (key, attempt) -> key.startsWith("D-bad")
                ? Answer.status(400) : attempt <= 3 ? Answer.status(503) : Answer.ok());
             NotifyService service = NotifyService.create(fx.config(Map.of("caseflow.notify.webhook.url", endpoint.url(),
                     "caseflow.notify.breaker.failures", "2", "caseflow.notify.breaker.open.ms", "200",
                     // No recipients file: a role kind to count as unrouted needs one, so this routes judges only.
                     "caseflow.notify.recipients", recipients().toString())));
             PrometheusServer prometheus = PrometheusServer.start(dir, "127.0.0.1:" + service.httpPort(), RULES)) {
            Thread loop = new Thread(service::run, "notify-under-test");
            loop.start();
            List<org.caseflow.events.DeadlineAlert> alerts = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                alerts.add(NotifyFixture.alert("D-" + i, AlertLevel.NOTICE, AlertStatus.FIRING, List.of("judge:J-" + i)));
            }
            alerts.add(NotifyFixture.alert("D-bad", AlertLevel.BREACHED, AlertStatus.FIRING,
                    List.of("judge:J-9", "president:湘0211")));
            fx.publish(alerts);
            // A digest of a judge too: the digests panel has data (delivered after its 503s like the alerts).
            fx.publishDigests(List.of(NotifyFixture.digest("judge:J-1", DigestKind.DAY, java.time.LocalDate.of(2025, 6, 4))));
            Waits.await("five alerts and a digest delivered")
                    .until(() -> endpoint.deliveredKeys().size() == 6);
            // The dashboard's $job is label_values(caseflow_notify_deliveries_total, job): resolved before Prometheus has
            // scraped the deliveries (a slow start on a busy machine), it is empty and no query can ever answer.
            prometheus.await("caseflow_notify_deliveries_total", r -> r.size() > 0);
            List<DashboardQueries.Query> queries = DashboardQueries.of(DashboardQueries.read(DashboardQueries.NOTIFY), prometheus);
            assertThat(queries).hasSizeGreaterThanOrEqualTo(7);
            for (DashboardQueries.Query q : queries) {
                prometheus.await(q.expr(), r -> r.size() > 0);
            }
            for (Map.Entry<String, String> rule : RuleExpressions.alerts(RULES).entrySet()) {
                for (String operand : RuleExpressions.operands(rule.getValue())) {
                    prometheus.await(operand, r -> r.size() > 0);
                }
            }
            service.close();
            loop.join(15_000);
        }
    }

    private Path recipients() throws Exception {
        Path file = dir.resolve("recipients.yaml");
        java.nio.file.Files.writeString(file, "recipients:\n  - id: judges\n    roles: [\"judge:*\"]\n    channel: webhook\n");
        return file;
    }

    private static int run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).inheritIO().start();
        return p.waitFor(60, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }
}
