package org.caseflow.streams.runtime.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;

/**
 * Waits until the JIT compilers, RocksDB's background threads and the stream threads have been idle, before a measured
 * round or a memory reading (the storm's warm-up rounds and readings, the floor's and pipeline's measured round).
 * Loading the cases and a warm-up leave a queue of compilations and of RocksDB flushes and compactions on these two
 * cores, and the digest processor still closing, one step per tick, the weeks of days between a warm-up's midnight and
 * the next. A long-running instance has compiled its code, closed those days when they ended, and holds cases filed
 * over months: seconds of compiling (8 s in an 18 s storm) or of compacting what the loading wrote (up to 47 µs per
 * crossing) inside the timed storm measured the benchmark's start, not the storm; and the digest processor's work
 * beside the memory readings made G1 grow the heap again right after the bench's own full collections. What a measured
 * round itself writes is flushed and compacted inside it and counted. Also: HotSpot raises the counts at which C2
 * compiles a method with the length of its queue, so a round that starts with the queue full stays in C1's code
 * longer (docs/performance.md, "Thirteenth session").
 */
final class Quiet {
    /** How long everything must have been idle. */
    static final Duration FOR = Duration.ofSeconds(3);
    /** The longest wait: then the round starts anyway, and the note says so. */
    static final Duration LIMIT = Duration.ofSeconds(120);

    private Quiet() {
    }

    /** Waits until idle for {@link #FOR}, at most {@link #LIMIT}; returns what it saw. */
    static String await() throws InterruptedException {
        return await(FOR, LIMIT);
    }

    private static String await(Duration quiet, Duration limit) throws InterruptedException {
        var jit = ManagementFactory.getCompilationMXBean();
        boolean jitTimed = jit != null && jit.isCompilationTimeMonitoringSupported();
        long start = System.nanoTime();
        long firstJit = jitTimed ? jit.getTotalCompilationTime() : 0;
        long lastJit = firstJit;
        ThreadCpu first = ThreadCpu.now();
        long firstRocks = first.nanos(ThreadCpu.ROCKSDB);
        long lastRocks = firstRocks;
        long firstStream = first.nanos(ThreadCpu.STREAM);
        long lastStream = firstStream;
        long quietSince = System.nanoTime();
        long step = 250;
        long busy = step * 1_000_000L / 10; // a tenth of a core over one step
        while (System.nanoTime() - start < limit.toNanos()) {
            Thread.sleep(step);
            long jitNow = jitTimed ? jit.getTotalCompilationTime() : 0;
            ThreadCpu now = ThreadCpu.now();
            long rocksNow = now.nanos(ThreadCpu.ROCKSDB);
            long streamNow = now.nanos(ThreadCpu.STREAM);
            // A compilation finished, or RocksDB's or the stream threads used more than a tenth of a core: not quiet yet.
            if (jitNow - lastJit > 10 || rocksNow - lastRocks > busy || streamNow - lastStream > busy) {
                quietSince = System.nanoTime();
            }
            lastJit = jitNow;
            lastRocks = rocksNow;
            lastStream = streamNow;
            if (System.nanoTime() - quietSince >= quiet.toNanos()) {
                return String.format(Locale.ROOT,
                        "quiet for %d s after %.1f s (meanwhile %,d ms compiling, %.1f s of RocksDB background CPU, "
                        + "%.1f s of stream-thread CPU)", quiet.toSeconds(), (System.nanoTime() - start) / 1e9,
                        lastJit - firstJit, (lastRocks - firstRocks) / 1e9, (lastStream - firstStream) / 1e9);
            }
        }
        return String.format(Locale.ROOT,
                "still busy after %d s (meanwhile %,d ms compiling, %.1f s of RocksDB background CPU, %.1f s of "
                + "stream-thread CPU)", limit.toSeconds(), lastJit - firstJit, (lastRocks - firstRocks) / 1e9,
                (lastStream - firstStream) / 1e9);
    }
}
