package org.caseflow.streams.runtime.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/** Heap after a full collection, the process's resident set, and the bytes of a state directory. */
final class ProcessMemory {
    private ProcessMemory() {
    }

    /** Heap in use after asking for a full collection (MemoryMXBean), in bytes. */
    static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * The process's RSS and the JVM's committed heap and non-heap, read every {@code every} for {@code window}. One
     * reading is not enough: with G1, RSS moved by 80-120 MiB within seconds of a full collection, either way (heap
     * handed back after the collection, young regions committed again as the app runs). What RSS holds beyond the
     * JVM's committed memory is native: RocksDB's cache, memtables and table readers, and the allocator's slack.
     */
    static MemoryWindow window(Duration window, Duration every) throws InterruptedException {
        int n = (int) Math.max(1, window.toMillis() / every.toMillis());
        long[] rss = new long[n];
        long[] heap = new long[n];
        long[] nonHeap = new long[n];
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                Thread.sleep(every.toMillis());
            }
            rss[i] = statusBytes("VmRSS:");
            heap[i] = memory.getHeapMemoryUsage().getCommitted();
            nonHeap[i] = memory.getNonHeapMemoryUsage().getCommitted();
        }
        return new MemoryWindow(rss[0] < 0 ? Readings.of(new long[0]) : Readings.of(rss), Readings.of(heap),
                Readings.of(nonHeap));
    }

    /** RSS, committed heap and committed non-heap (metaspace, code cache) over one window. */
    record MemoryWindow(Readings rss, Readings heapCommitted, Readings nonHeapCommitted) {
    }

    /** The highest VmRSS this process has had since it started (VmHWM), in bytes; -1 where there is no /proc. */
    static long peakResidentBytes() {
        return statusBytes("VmHWM:");
    }

    /** A kB field of /proc/self/status in bytes; -1 where there is no /proc. */
    private static long statusBytes(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** Total size of the regular files under {@code dir}. */
    static long directoryBytes(Path dir) {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0; // a file RocksDB removed meanwhile
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** CPU time of the whole process so far (every thread, the embedded broker's too). */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static double mib(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }
}
