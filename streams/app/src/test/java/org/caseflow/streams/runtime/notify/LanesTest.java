package org.caseflow.streams.runtime.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A lane's deliveries start one after another, across calls; other lanes do not wait; a failure stops its lane. */
class LanesTest {
    @Test
    void shouldStartALanesNextDeliveryOnlyWhenThePreviousHasEnded() {
        Lanes lanes = new Lanes();
        List<String> started = new ArrayList<>();
        CompletableFuture<Void> first = new CompletableFuture<>();
        CompletableFuture<Void> other = new CompletableFuture<>();
        lanes.then("case-1|judge:J-1", () -> {
            started.add("NOTICE");
            return first;
        });
        CompletableFuture<Void> second = lanes.then("case-1|judge:J-1", () -> {
            started.add("WARNING");
            return CompletableFuture.completedFuture(null);
        });
        lanes.then("case-2|judge:J-1", () -> {
            started.add("other case");
            return other;
        });
        assertThat(started).containsExactly("NOTICE", "other case");
        assertThat(lanes.size()).isEqualTo(2);

        first.complete(null);
        assertThat(started).containsExactly("NOTICE", "other case", "WARNING");
        assertThat(second).isDone();
        other.complete(null);
        assertThat(lanes.size()).isZero(); // finished lanes are forgotten
    }

    @Test
    void shouldNotStartTheNextDeliveryOfALaneWhosePreviousOneFailed() {
        Lanes lanes = new Lanes();
        List<String> started = new ArrayList<>();
        lanes.then("case-1|judge:J-1", () -> CompletableFuture.failedFuture(new IllegalStateException("dead letter not written")));
        CompletableFuture<Void> next = lanes.then("case-1|judge:J-1", () -> {
            started.add("WARNING");
            return CompletableFuture.completedFuture(null);
        });
        assertThat(next).isCompletedExceptionally();
        assertThat(started).isEmpty();
    }
}
