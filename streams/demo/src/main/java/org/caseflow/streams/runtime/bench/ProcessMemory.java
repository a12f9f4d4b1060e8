package org.caseflow.streams.runtime.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
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

    /** VmRSS of this process {@code after} from now, in bytes; -1 where there is no /proc. */
    static long residentBytesAfter(Duration after) throws InterruptedException {
        Thread.sleep(after.toMillis());
        return residentBytes();
    }

    /** VmRSS of this process in bytes (Linux /proc); -1 where there is no /proc. */
    static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
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
