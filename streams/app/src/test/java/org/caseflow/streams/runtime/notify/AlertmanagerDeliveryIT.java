package org.caseflow.streams.runtime.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.caseflow.events.AlertLevel.BREACHED;
import static org.caseflow.events.AlertLevel.NOTICE;
import static org.caseflow.events.AlertStatus.FIRING;
import static org.caseflow.events.AlertStatus.RESOLVED;
import static org.caseflow.streams.runtime.notify.NotifyFixture.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.caseflow.events.DeadlineAlert;
import org.caseflow.streams.runtime.Ports;
import org.caseflow.streams.runtime.Waits;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code caseflow notify --alertmanager} against the real Debian {@code prometheus-alertmanager} running the shipped
 * {@code deploy/alertmanager/alertmanager.yml}: alerts arrive with the labels of DESIGN.md section 9, are grouped per
 * court and level on the court's receiver, a BREACHED alert inhibits the same case's NOTICE for the same recipient,
 * firing alerts are re-sent (their endsAt moves on) and a RESOLVED one leaves the active list; an alert's explanation
 * annotation is its case's own (extension, roll-forward). Read back through Alertmanager's API v2.
 */
@Tag("integration")
class AlertmanagerDeliveryIT {
    private static final String BINARY = "/usr/bin/prometheus-alertmanager";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void shouldPushGroupInhibitResendAndResolveInARealAlertmanager() throws Exception {
        boolean installed = Files.isExecutable(Path.of(BINARY));
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("prometheus-alertmanager is required in CI: ./test.sh installs it");
        }
        assumeThat(installed).as("prometheus-alertmanager missing: ./test.sh installs the Debian package").isTrue();
        int port = Ports.freePort();
        String base = "http://127.0.0.1:" + port;
        Process am = new ProcessBuilder(BINARY, "--config.file=deploy/alertmanager/alertmanager.yml",
                "--storage.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address=")
                .redirectErrorStream(true).redirectOutput(dir.resolve("alertmanager.log").toFile()).start();
        NotifyFixture fx = new NotifyFixture();
        try (NotifyService service = NotifyService.create(fx.config(Map.of("caseflow.notify.alertmanager.url", base,
                "caseflow.notify.alertmanager.resend.ms", "500")))) {
            Waits.await("alertmanager ready").until(() -> status(base + "/-/ready") == 200);
            Thread loop = new Thread(service::run, "notify-under-test");
            loop.start();
            DeadlineAlert otherCourt = DeadlineAlert.newBuilder(alert("A-3", BREACHED, FIRING, List.of("judge:J-3")))
                    .setCourt("湘0202").build();
            // The real engine's alert of a case with an extension and a holiday roll-forward (NotifyFixture).
            DeadlineAlert explained = NotifyFixture.extendedAndRolledForward("(2025)湘0211民初9号");
            fx.publish(List.of(alert("A-1", NOTICE, FIRING, List.of("judge:J-1")),
                    alert("A-1", BREACHED, FIRING, List.of("judge:J-1", "president:湘0211")),
                    alert("A-2", NOTICE, FIRING, List.of("judge:J-2")), otherCourt, explained));
            Waits.await("six alerts in Alertmanager").until(() -> alerts(base).size() == 6);

            // The annotation carries the case's own explanation (DeadlineAlert v2), not only the procedure's limit:
            // CPL 164 and CPL Interp. 258 for the president's extension, CPL 85 for the National Day roll-forward.
            String lines = find(alerts(base), "(2025)湘0211民初9号", "NOTICE", "judge:J-1").orElseThrow()
                    .path("annotations").path("explanation").asText();
            assertThat(lines.split("\n")).contains("extended 1 month by PRESIDENT on 2025-08-20 (CPL 164; CPL Interp. 258)",
                    "2025-10-04 is a rest day (National Day); rolled forward to 2025-10-09 (CPL 85)");

            JsonNode breached = find(alerts(base), "A-1", "BREACHED", "president:湘0211").orElseThrow();
            assertThat(breached.path("labels").path("alertname").asText()).isEqualTo("CaseflowDeadline");
            assertThat(breached.path("labels").path("court").asText()).isEqualTo("湘0211");
            assertThat(breached.path("labels").path("procedure").asText()).isEqualTo("CIVIL_FIRST_ORDINARY");
            assertThat(breached.path("annotations").path("summary").asText()).contains("BREACHED A-1 at 湘0211");
            assertThat(breached.path("annotations").path("explanation").asText()).contains("CIVIL_FIRST_ORDINARY");
            // Inhibition: the BREACHED alert of A-1 silences its NOTICE for judge:J-1; A-2's NOTICE stays active.
            Waits.await("A-1 NOTICE inhibited").until(() -> find(alerts(base), "A-1", "NOTICE", "judge:J-1")
                    .map(a -> a.path("status").path("inhibitedBy").size() > 0).orElse(false));
            assertThat(find(alerts(base), "A-2", "NOTICE", "judge:J-2").orElseThrow().path("status").path("state").asText())
                    .isEqualTo("active");
            // Grouping: one group per (alertname, court, level), on the Zhuzhou receiver for 湘0211's breaches.
            JsonNode group = groups(base).stream().filter(g -> "湘0211".equals(g.path("labels").path("court").asText())
                    && "BREACHED".equals(g.path("labels").path("level").asText())).findFirst().orElseThrow();
            assertThat(group.path("receiver").path("name").asText()).isEqualTo("zhuzhou-deadlines");
            assertThat(group.path("alerts").size()).isEqualTo(2);
            // Re-sent while firing: endsAt moves on.
            Instant firstEnd = Instant.parse(breached.path("endsAt").asText());
            Waits.await("endsAt moved by a re-send").until(() -> find(alerts(base), "A-1", "BREACHED",
                    "president:湘0211").map(a -> Instant.parse(a.path("endsAt").asText()).isAfter(firstEnd)).orElse(false));

            fx.publish(List.of(DeadlineAlert.newBuilder(alert("A-3", BREACHED, RESOLVED, List.of("judge:J-3")))
                    .setCourt("湘0202").build()));
            // Five alerts listed and A-3 not among them: an empty list (a failed request) is not taken for "resolved".
            Waits.await("A-3 resolved").until(() -> {
                List<JsonNode> all = alerts(base);
                return all.size() == 5 && find(all, "A-3", "BREACHED", "judge:J-3").isEmpty();
            });
            assertThat(alerts(base)).hasSize(5);
            service.close();
            loop.join(15_000);
        } finally {
            am.destroy();
            if (!am.waitFor(20, TimeUnit.SECONDS)) {
                am.destroyForcibly();
            }
        }
    }

    private static Optional<JsonNode> find(List<JsonNode> alerts, String caseId, String level, String recipient) {
        return alerts.stream().filter(a -> caseId.equals(a.path("labels").path("caseId").asText())
                && level.equals(a.path("labels").path("level").asText())
                && recipient.equals(a.path("labels").path("recipient").asText())).findFirst();
    }

    private List<JsonNode> alerts(String base) {
        return list(base + "/api/v2/alerts");
    }

    private List<JsonNode> groups(String base) {
        return list(base + "/api/v2/alerts/groups");
    }

    private List<JsonNode> list(String url) {
        try {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
            List<JsonNode> out = new ArrayList<>();
            JSON.readTree(r.body()).forEach(out::add);
            return out;
        } catch (Exception e) {
            return List.of();
        }
    }

    private int status(String url) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}
