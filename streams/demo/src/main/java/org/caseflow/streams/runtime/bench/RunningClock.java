package org.caseflow.streams.runtime.bench;

import java.time.Duration;
import org.apache.kafka.streams.KafkaStreams;
import org.caseflow.CaseflowException;

/**
 * Where a throughput round's clock starts: when the client is RUNNING, or when its stream threads processed their first
 * record if that came first. A Kafka Streams client is RUNNING only once every task is initialised, but a task whose
 * stores are ready already processes while others still initialise: the pipeline by 0.5–0.8 s, a one-store copy by
 * ~0.45 s (docs/performance.md, "Eighteenth session").
 *
 * @param nanos       {@link System#nanoTime} of the clock's start
 * @param earlyMillis how long before RUNNING the first record was processed (0 when it was not)
 */
record RunningClock(long nanos, double earlyMillis) {
    /** Waits (up to 3 minutes) for {@code streams}, already started, to be RUNNING; {@code what} names it in errors. */
    static RunningClock await(KafkaStreams streams, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        long firstProcessed = Long.MAX_VALUE;
        while (streams.state() != KafkaStreams.State.RUNNING) {
            KafkaStreams.State state = streams.state();
            if (System.nanoTime() > deadline || (!state.isRunningOrRebalancing() && state != KafkaStreams.State.CREATED)) {
                throw new CaseflowException("bench: " + what + " did not reach RUNNING (state " + state + ")");
            }
            if (firstProcessed == Long.MAX_VALUE && processed(streams) > 0) {
                firstProcessed = System.nanoTime();
            }
            Thread.sleep(10);
        }
        long running = System.nanoTime();
        return firstProcessed < running ? new RunningClock(firstProcessed, (running - firstProcessed) / 1e6)
                : new RunningClock(running, 0);
    }

    /** Records the client's stream threads have processed so far (Kafka Streams' {@code process-total}). */
    private static double processed(KafkaStreams streams) {
        double total = 0;
        for (var e : streams.metrics().entrySet()) {
            if ("stream-thread-metrics".equals(e.getKey().group()) && "process-total".equals(e.getKey().name())
                    && e.getValue().metricValue() instanceof Double v) {
                total += v;
            }
        }
        return total;
    }
}
