package org.caseflow.streams.runtime.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** About a million events at realistic scale; prints events/s and peak heap (mvn -Pbenchmark). */
@Tag("benchmark")
class SimulatorBenchmarkTest {
    @Test
    void shouldGenerateAMillionEventsInBoundedMemory() {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long[] count = {0};
        long[] maxUsed = {0};
        Runtime rt = Runtime.getRuntime();
        long start = System.nanoTime();
        SeededSimulators.zhuzhou(new SimulationSettings(42, LocalDate.of(2025, 1, 1), 420, 1.0)).run(e -> {
            if (++count[0] % 100_000 == 0) {
                maxUsed[0] = Math.max(maxUsed[0], rt.totalMemory() - rt.freeMemory());
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        long peakPools = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf(Locale.ROOT, "simulator: %d events in %.1f s = %.0f events/s; "
                        + "heap used at most %d MiB when sampled, pool peaks sum %d MiB (max heap %d MiB)%n",
                count[0], seconds, count[0] / seconds, maxUsed[0] >> 20, peakPools >> 20, rt.maxMemory() >> 20);
        assertThat(count[0]).isGreaterThan(900_000);
        assertThat(maxUsed[0]).as("heap in use").isLessThan(512L << 20);
    }
}
