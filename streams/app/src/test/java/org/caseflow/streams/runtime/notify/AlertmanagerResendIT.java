package org.caseflow.streams.runtime.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseflow.events.AlertLevel.BREACHED;
import static org.caseflow.events.AlertStatus.FIRING;
import static org.caseflow.events.AlertStatus.RESOLVED;
import static org.caseflow.streams.runtime.notify.NotifyFixture.alert;

import java.util.List;
import java.util.Map;
import org.caseflow.streams.runtime.Waits;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Alertmanager keeps the version of an alert it received last, so a FIRING re-send that arrives after the alert's
 * RESOLVED re-opens it until its {@code endsAt}. The endpoint here answers slowly (as a loaded Alertmanager does), so
 * that re-sends fall due while the RESOLVED is on its way: none may reach it after the RESOLVED. Another alert keeps
 * firing, and its re-sends are what the test waits on, so the check does not depend on the machine's speed.
 */
@Tag("integration")
class AlertmanagerResendIT {
    @Test
    void shouldNeverResendAnAlertAfterItsResolved() throws Exception {
        try (FlakyEndpoint am = FlakyEndpoint.start(0, (key, attempt) -> FlakyEndpoint.Answer.slow(500))) {
            NotifyFixture fx = new NotifyFixture();
            try (NotifyService service = NotifyService.create(fx.config(Map.of("caseflow.notify.alertmanager.url",
                    am.url(), "caseflow.notify.alertmanager.resend.ms", "100")))) {
                Thread loop = new Thread(service::run, "notify-under-test");
                loop.start();
                String firing = "R-1/v1/BREACHED/FIRING/judge:J-1";
                String resolved = "R-1/v1/BREACHED/RESOLVED/judge:J-1";
                String other = "R-2/v1/BREACHED/FIRING/judge:J-2";
                fx.publish(List.of(alert("R-1", BREACHED, FIRING, List.of("judge:J-1")),
                        alert("R-2", BREACHED, FIRING, List.of("judge:J-2"))));
                Waits.await("R-1 re-sent twice").until(() -> am.requests(firing).size() >= 3);

                fx.publish(List.of(alert("R-1", BREACHED, RESOLVED, List.of("judge:J-1"))));
                Waits.await("R-1's RESOLVED received").until(() -> !am.requests(resolved).isEmpty());
                long resolvedAt = am.requests(resolved).get(0).nanos();
                int otherSoFar = am.requests(other).size();
                Waits.await("R-2 re-sent three more times").until(() -> am.requests(other).size() >= otherSoFar + 3);

                assertThat(am.requests(firing)).as("FIRING of R-1 received after its RESOLVED")
                        .noneMatch(r -> r.nanos() > resolvedAt);
                assertThat(am.requests(resolved)).hasSize(1);
                service.close();
                loop.join(15_000);
            }
        }
    }
}
