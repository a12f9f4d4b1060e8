package org.caseflow.streams.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseflow.streams.runtime.config.ApiTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Ids on every alert, resuming from Last-Event-ID out of what is kept, gaps said out loud, heartbeats. */
class AlertBroadcasterTest {
    private static final Set<String> ALL = Set.of(ApiTokens.ALL_COURTS);

    /** What one client received, one string per event or comment. */
    private static final class Recorder implements AlertSink {
        final List<String> received = new ArrayList<>();
        final List<String> ids = new ArrayList<>();

        @Override
        public void send(String event, String id, String data) {
            received.add(event + " " + data);
            if (id != null) {
                ids.add(id);
            }
        }

        @Override
        public void comment(String text) {
            received.add(": " + text);
        }

        @Override
        public boolean closed() {
            return false;
        }

        List<String> alerts() {
            return received.stream().filter(r -> r.startsWith("alert ")).map(r -> r.substring(6)).toList();
        }
    }

    private final AlertBroadcaster broadcaster = new AlertBroadcaster(3, Duration.ofHours(1));

    @AfterEach
    void close() {
        broadcaster.close();
    }

    private static String alert(String id, String court) {
        return "{\"alertId\":\"" + id + "\",\"court\":\"" + court + "\"}";
    }

    @Test
    void shouldGiveEveryAlertTheStreamPositionAfterIt() {
        broadcaster.following(Map.of(0, 10L, 1, 20L));
        Recorder client = new Recorder();
        broadcaster.connect(client, ALL, null);
        broadcaster.publish(0, 10, alert("a", "湘02"));
        broadcaster.publish(1, 20, alert("b", "湘02"));
        broadcaster.publish(0, 11, alert("c", "湘02"));
        assertThat(client.ids).containsExactly("0:11,1:20", "0:11,1:21", "0:12,1:21");
    }

    @Test
    void shouldReplayOnlyTheKeptAlertsAfterTheLastEventIdOfTheCourtsAllowed() {
        broadcaster.following(Map.of(0, 10L, 1, 20L));
        broadcaster.publish(0, 10, alert("a", "湘02"));
        broadcaster.publish(1, 20, alert("b", "湘0211"));
        broadcaster.publish(0, 11, alert("c", "湘0211"));
        broadcaster.publish(1, 21, alert("d", "湘02"));
        Recorder resumed = new Recorder();
        broadcaster.connect(resumed, Set.of("湘0211"), "0:11,1:20"); // saw a, nothing of partition 1
        assertThat(resumed.alerts()).containsExactly(alert("b", "湘0211"), alert("c", "湘0211"));
        assertThat(resumed.received).noneMatch(r -> r.startsWith("gap"));

        broadcaster.publish(0, 12, alert("e", "湘0211"));
        assertThat(resumed.alerts()).last().isEqualTo(alert("e", "湘0211"));
    }

    @Test
    void shouldSayThereIsAGapWhenAlertsAfterTheIdAreNoLongerKept() {
        broadcaster.following(Map.of(0, 0L));
        for (int offset = 0; offset < 5; offset++) {
            broadcaster.publish(0, offset, alert("a" + offset, "湘02"));
        }
        Recorder resumed = new Recorder();
        broadcaster.connect(resumed, ALL, "0:1"); // a1 was evicted: only a2..a4 are kept
        assertThat(resumed.received.get(1)).startsWith("gap {\"reason\":\"some alerts after Last-Event-ID are no longer kept");
        assertThat(resumed.alerts()).containsExactly(alert("a2", "湘02"), alert("a3", "湘02"), alert("a4", "湘02"));
    }

    @Test
    void shouldSayThereIsAGapForAnIdFromBeforeThisInstanceFollowedTheTopic() {
        broadcaster.following(Map.of(0, 500L));
        Recorder resumed = new Recorder();
        broadcaster.connect(resumed, ALL, "0:400");
        assertThat(resumed.received).anyMatch(r -> r.startsWith("gap "));
    }

    @Test
    void shouldStreamNewAlertsOnlyWhenTheLastEventIdIsNotOurs() {
        broadcaster.following(Map.of(0, 0L));
        broadcaster.publish(0, 0, alert("old", "湘02"));
        Recorder client = new Recorder();
        broadcaster.connect(client, ALL, "hello");
        broadcaster.publish(0, 1, alert("new", "湘02"));
        assertThat(client.alerts()).containsExactly(alert("new", "湘02"));
        assertThat(client.received).contains(": Last-Event-ID not understood, streaming new alerts only");
    }

    @Test
    void shouldSendAHeartbeatCommentToEveryClient() {
        Recorder one = new Recorder();
        Recorder two = new Recorder();
        broadcaster.connect(one, ALL, null);
        broadcaster.connect(two, Set.of("湘0211"), null);
        broadcaster.heartbeat();
        assertThat(one.received).containsExactly(": caseflow alert stream", ": heartbeat");
        assertThat(two.received).containsExactly(": caseflow alert stream", ": heartbeat");
    }

    @Test
    void shouldSkipMalformedAlertJson() {
        Recorder client = new Recorder();
        broadcaster.connect(client, ALL, null);
        broadcaster.publish(0, 0, "{not json");
        assertThat(client.alerts()).isEmpty();
    }
}
