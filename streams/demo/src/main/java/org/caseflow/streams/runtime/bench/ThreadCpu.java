package org.caseflow.streams.runtime.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of this process by kind of thread, so a phase can say where its CPU went: the stream threads, the
 * producers' I/O threads, the embedded broker's threads, the benchmark's own consumer, and the native threads: the
 * garbage collectors, the JIT compilers and RocksDB's background threads (read from /proc by name), and the rest.
 * Threads that end between two snapshots lose what they used; the phases measured here start none.
 */
final class ThreadCpu {
    static final String STREAM = "stream threads";
    static final String PRODUCER_IO = "producer I/O threads";
    static final String BROKER = "broker threads (embedded)";
    static final String OTHER = "other Java threads (bench consumer, metrics)";
    static final String GC = "garbage collector threads";
    static final String JIT = "JIT compiler threads";
    static final String ROCKSDB = "RocksDB background threads";
    static final String OTHER_NATIVE = "other native threads (process less the above)";
    /** Linux's clock ticks per second for /proc/.../stat times (USER_HZ, 100 on every Linux this runs on). */
    private static final double TICKS_PER_SECOND = 100;

    private final Map<String, Long> nanos;
    private final long gcMillis;
    private final long gcCount;
    private final long jitMillis;

    private ThreadCpu(Map<String, Long> nanos) {
        this.nanos = nanos;
        long millis = 0;
        long count = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            millis += Math.max(0, gc.getCollectionTime());
            count += Math.max(0, gc.getCollectionCount());
        }
        this.gcMillis = millis;
        this.gcCount = count;
        var jit = ManagementFactory.getCompilationMXBean();
        this.jitMillis = jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
    }

    /** Collections and their accumulated time, and JIT compile time, since {@code before}. */
    String collectionsAndCompilingSince(ThreadCpu before) {
        return String.format(java.util.Locale.ROOT, "%d collections taking %,d ms (the collectors' own accounting), "
                + "JIT compiling %,d ms", gcCount - before.gcCount, gcMillis - before.gcMillis,
                jitMillis < 0 ? -1 : jitMillis - before.jitMillis);
    }

    /**
     * Notes, for the phase since {@code before}: the CPU per unit of work ({@code unit}: "crossing", "case") by kind of
     * thread, then the collections and the JIT's compiling.
     */
    void noteSince(ThreadCpu before, Figures figures, int units, String unit) {
        since(before).forEach((kind, cpu) -> figures.note(String.format(java.util.Locale.ROOT,
                "CPU per %s, %-45s %7.2f µs", unit, kind, cpu / 1e3 / Math.max(units, 1))));
        figures.note("meanwhile: " + collectionsAndCompilingSince(before));
    }

    static ThreadCpu now() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> byKind = new TreeMap<>();
        long java = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            java += cpu;
            byKind.merge(kind(info.getThreadName()), cpu, Long::sum);
        }
        long natives = 0;
        for (Map.Entry<String, Long> e : nativeThreads().entrySet()) {
            byKind.merge(e.getKey(), e.getValue(), Long::sum);
            natives += e.getValue();
        }
        byKind.put(OTHER_NATIVE, Math.max(0, ProcessMemory.processCpuNanos() - java - natives));
        return new ThreadCpu(byKind);
    }

    /**
     * CPU of the threads that are not Java threads, by their names in /proc (Linux; none elsewhere): the JVM's
     * collectors and compilers, and RocksDB's flush and compaction threads.
     */
    private static Map<String, Long> nativeThreads() {
        Map<String, Long> byKind = new TreeMap<>();
        java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
        if (tasks == null) {
            return byKind;
        }
        for (java.io.File task : tasks) {
            try {
                String stat = java.nio.file.Files.readString(task.toPath().resolve("stat"));
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                String name = stat.substring(open + 1, close);
                String kind = name.startsWith("GC Thread") || name.startsWith("G1 ") ? GC
                        : name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler") ? JIT
                        : name.startsWith("rocksdb") ? ROCKSDB : null;
                if (kind == null) {
                    continue;
                }
                String[] fields = stat.substring(close + 2).split(" ");
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                byKind.merge(kind, (long) (ticks / TICKS_PER_SECOND * 1e9), Long::sum);
            } catch (java.io.IOException | RuntimeException e) {
                // a thread that ended while being read
            }
        }
        return byKind;
    }

    /** CPU used so far by the threads of {@code kind} (one of the constants above). */
    long nanos(String kind) {
        return nanos.getOrDefault(kind, 0L);
    }

    /** A Kafka Streams stream thread (its producer's I/O thread carries the same name inside its own). */
    static boolean isStreamThread(String name) {
        return name.contains("-StreamThread-") && !name.contains("producer");
    }

    /** The kind of a thread, by the names Kafka and the JVM give them. */
    static String kind(String name) {
        if (isStreamThread(name)) {
            return STREAM;
        }
        if (name.startsWith("kafka-producer-network-thread")) {
            return PRODUCER_IO;
        }
        if (name.startsWith("data-plane-") || name.startsWith("controller-") || name.startsWith("kafka-")
                || name.startsWith("ReplicaFetcher") || name.startsWith("quorum-") || name.startsWith("raft-")
                || name.startsWith("group-coordinator") || name.startsWith("transaction-") || name.startsWith("log-")
                || name.startsWith("ExpirationReaper") || name.startsWith("AddPartitionsToTxn")
                || name.startsWith("broker-") || name.startsWith("executor-") || name.startsWith("TxnMarker")) {
            return BROKER;
        }
        return OTHER;
    }

    /** CPU used since {@code before}, by kind, largest first. */
    Map<String, Long> since(ThreadCpu before) {
        Map<String, Long> used = new TreeMap<>();
        nanos.forEach((kind, n) -> used.put(kind, Math.max(0, n - before.nanos.getOrDefault(kind, 0L))));
        Map<String, Long> ordered = new LinkedHashMap<>();
        used.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }
}
