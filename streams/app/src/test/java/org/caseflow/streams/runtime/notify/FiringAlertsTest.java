package org.caseflow.streams.runtime.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseflow.events.AlertLevel.BREACHED;
import static org.caseflow.events.AlertStatus.FIRING;
import static org.caseflow.events.AlertStatus.RESOLVED;
import static org.caseflow.streams.runtime.notify.NotifyFixture.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.caseflow.events.DeadlineAlert;
import org.caseflow.streams.domain.notify.Channel;
import org.caseflow.streams.domain.notify.Route;
import org.junit.jupiter.api.Test;

class FiringAlertsTest {
    private static final Instant T0 = Instant.parse("2026-03-03T00:00:00Z");
    private final FiringAlerts firing = new FiringAlerts(Duration.ofSeconds(60));
    private final Route route = new Route("judge:J-1", "judge", Channel.ALERTMANAGER, Optional.empty());
    private final DeadlineAlert breached = alert("A-1", BREACHED, FIRING, List.of("judge:J-1"));

    @Test
    void shouldKeepOneResendPendingPerAlertUntilItEnds() {
        firing.delivered(breached, route, T0);
        assertThat(firing.due(T0.plusSeconds(59))).isEmpty();
        List<FiringAlerts.Resend> first = firing.due(T0.plusSeconds(60));
        assertThat(first).extracting(FiringAlerts.Resend::alert).containsExactly(breached);
        // Still on its way a turn later (a slow Alertmanager): no second re-send queued behind it.
        assertThat(firing.due(T0.plusSeconds(200))).isEmpty();
        firing.resent(first.get(0));
        assertThat(firing.due(T0.plusSeconds(200))).hasSize(1);
    }

    @Test
    void shouldDropAResendQueuedBeforeTheResolvedWasDelivered() {
        firing.delivered(breached, route, T0);
        FiringAlerts.Resend pending = firing.due(T0.plusSeconds(60)).get(0);
        assertThat(firing.current(pending)).isEqualTo(breached);
        firing.delivered(alert("A-1", BREACHED, RESOLVED, List.of("judge:J-1")), route, T0.plusSeconds(61));
        assertThat(firing.current(pending)).isNull();
        firing.resent(pending);
        assertThat(firing.size()).isZero();
        assertThat(firing.due(T0.plusSeconds(600))).isEmpty();
    }

    @Test
    void shouldResendTheAlertAsItFiresNowWhenItFiredAgainMeanwhile() {
        firing.delivered(breached, route, T0);
        FiringAlerts.Resend pending = firing.due(T0.plusSeconds(60)).get(0);
        DeadlineAlert again = DeadlineAlert.newBuilder(breached).setRaisedAt(T0.plusSeconds(70)).build();
        firing.delivered(again, route, T0.plusSeconds(70));
        assertThat(firing.current(pending)).isEqualTo(again);
    }
}
