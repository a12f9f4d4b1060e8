package org.caseflow.streams.runtime.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.apache.kafka.streams.KafkaStreams.State;
import org.caseflow.streams.runtime.http.Readiness;
import org.junit.jupiter.api.Test;

/** Ready = RUNNING, Kafka answering, and within the lag bound; otherwise the reason says which is missing. */
class ReadinessRuleTest {
    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final String SERVERS = "kafka-1:9092,kafka-2:9092";

    private static Readiness decide(State state, KafkaObservation seen) {
        return ReadinessRule.decide(state, seen, 10_000, SERVERS, NOW);
    }

    @Test
    void shouldBeReadyWhenRunningAndCaughtUpWithinTheBound() {
        Readiness r = decide(State.RUNNING, new KafkaObservation(null, null, 10_000L));
        assertThat(r.ready()).isTrue();
        assertThat(r.status()).isEqualTo("UP");
        assertThat(r.lag()).isEqualTo(10_000L);
        assertThat(r.reason()).isEqualTo("caught up: 10,000 records behind the input end offsets (bound 10,000)");
    }

    @Test
    void shouldNotBeReadyAndSaySoWhenFarBehindTheInputs() {
        Readiness r = decide(State.RUNNING, new KafkaObservation(null, null, 235_112L));
        assertThat(r.ready()).isFalse();
        assertThat(r.state()).isEqualTo("RUNNING");
        assertThat(r.lag()).isEqualTo(235_112L);
        assertThat(r.maxLag()).isEqualTo(10_000L);
        assertThat(r.reason()).isEqualTo(
                "catching up: 235,112 records behind the input end offsets (ready at 10,000 or fewer)");
    }

    @Test
    void shouldNotBeReadyBeforeTheLagIsMeasured() {
        Readiness r = decide(State.RUNNING, KafkaObservation.NONE);
        assertThat(r.ready()).isFalse();
        assertThat(r.lag()).isNull();
        assertThat(r.reason()).startsWith("measuring how far behind");
    }

    @Test
    void shouldNameTheServersAndSinceWhenKafkaIsUnreachable() {
        Instant since = NOW.minusSeconds(45);
        Readiness r = decide(State.REBALANCING, new KafkaObservation(since, "no broker answered within 10 s", null));
        assertThat(r.ready()).isFalse();
        assertThat(r.reason()).isEqualTo("Kafka at " + SERVERS + " unreachable for 45 s (since 2026-03-01T07:59:15Z):"
                + " no broker answered within 10 s");
    }

    @Test
    void shouldSayWhatKafkaStreamsIsDoingWhenNotRunning() {
        assertThat(decide(State.REBALANCING, KafkaObservation.NONE).reason()).startsWith("Kafka Streams is REBALANCING");
        assertThat(decide(State.CREATED, KafkaObservation.NONE).reason()).startsWith("starting");
        Readiness stopped = decide(State.ERROR, new KafkaObservation(null, null, 0L));
        assertThat(stopped.ready()).isFalse();
        assertThat(stopped.reason()).isEqualTo("Kafka Streams is ERROR: stopping or stopped");
    }
}
