package org.caseflow.streams.runtime.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bench's CPU by kind of thread: names are sorted by what Kafka and the JVM call their threads. */
class ThreadCpuTest {
    @Test
    void shouldSortThreadsByTheNamesKafkaGivesThem() {
        assertThat(ThreadCpu.kind("bench-storm-1-4880fc4a-14c0-4fc5-9db2-ce193824cbd7-StreamThread-1"))
                .isEqualTo(ThreadCpu.STREAM);
        assertThat(ThreadCpu.kind("kafka-producer-network-thread | bench-storm-1-StreamThread-1-producer"))
                .isEqualTo(ThreadCpu.PRODUCER_IO);
        assertThat(ThreadCpu.kind("data-plane-kafka-request-handler-0")).isEqualTo(ThreadCpu.BROKER);
        assertThat(ThreadCpu.kind("TxnMarkerSenderThread-1")).isEqualTo(ThreadCpu.BROKER);
        assertThat(ThreadCpu.kind("main")).isEqualTo(ThreadCpu.OTHER);
    }

    @Test
    void shouldCountTheCpuOfThisThreadAndNeverANegativeShare() {
        ThreadCpu before = ThreadCpu.now();
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long until = threads.getCurrentThreadCpuTime() + 100_000_000L; // 0.1 s of this thread's CPU, however slow
        long x = 0;
        while (threads.getCurrentThreadCpuTime() < until) {
            x += Long.numberOfTrailingZeros(x + System.nanoTime());
        }
        Map<String, Long> used = ThreadCpu.now().since(before);

        assertThat(x).isNotNegative();
        assertThat(used).containsKeys(ThreadCpu.OTHER, ThreadCpu.OTHER_NATIVE);
        assertThat(used.values()).allSatisfy(n -> assertThat(n).isNotNegative());
        assertThat(used.get(ThreadCpu.OTHER)).as("this thread used 0.1 s").isGreaterThanOrEqualTo(100_000_000L);
    }
}
