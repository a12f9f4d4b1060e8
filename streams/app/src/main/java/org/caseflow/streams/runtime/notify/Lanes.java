package org.caseflow.streams.runtime.notify;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Keeps order within a lane and nothing else: a delivery starts when the previous one of its lane has ended, across
 * polls; deliveries of different lanes run at once. Notify's lane is (case, recipient), so each recipient gets a
 * case's alerts in the order they were raised, while one recipient's slow endpoint does not hold back another's.
 * Only the loop thread starts deliveries; a lane is forgotten when its last delivery has ended well.
 */
final class Lanes {
    private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    /** Starts {@code delivery} after the lane's previous one (if it failed, this one fails with it, unstarted). */
    CompletableFuture<Void> then(String lane, Supplier<CompletableFuture<Void>> delivery) {
        CompletableFuture<Void> previous = tails.get(lane);
        CompletableFuture<Void> mine = previous == null ? delivery.get() : previous.thenCompose(v -> delivery.get());
        tails.put(lane, mine);
        mine.whenComplete((v, e) -> {
            if (e == null) {
                tails.remove(lane, mine); // a failed lane stays failed: nothing of it goes ahead (the loop stops on it)
            }
        });
        return mine;
    }

    /** Lanes with a delivery still going. */
    int size() {
        return tails.size();
    }
}
