package org.caseflow.streams.runtime.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of this process by kind of thread, so a phase can say where its CPU went: the stream threads, the
 * producers' I/O threads, the embedded broker's threads, the benchmark's own consumer, and the JVM itself (garbage
 * collection and the JIT compilers are not Java threads: they are the process's CPU less every Java thread's).
 * Threads that end between two snapshots lose what they used; the phases measured here start none.
 */
final class ThreadCpu {
    static final String STREAM = "stream threads";
    static final String PRODUCER_IO = "producer I/O threads";
    static final String BROKER = "broker threads (embedded)";
    static final String OTHER = "other Java threads (bench consumer, metrics)";
    static final String JVM = "JVM (GC, JIT: process less Java threads)";

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

    /** What the JVM bucket holds since {@code before}: collections, their accumulated time, and JIT compile time. */
    String jvmSince(ThreadCpu before) {
        return String.format(java.util.Locale.ROOT, "%d collections taking %,d ms (the collectors' own accounting), "
                + "JIT compiling %,d ms", gcCount - before.gcCount, gcMillis - before.gcMillis,
                jitMillis < 0 ? -1 : jitMillis - before.jitMillis);
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
        byKind.put(JVM, Math.max(0, ProcessMemory.processCpuNanos() - java));
        return new ThreadCpu(byKind);
    }

    /** The kind of a thread, by the names Kafka and the JVM give them. */
    static String kind(String name) {
        if (name.contains("-StreamThread-") && !name.contains("producer")) {
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
