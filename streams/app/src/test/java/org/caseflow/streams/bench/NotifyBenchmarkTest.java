package org.caseflow.streams.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.caseflow.events.AlertLevel;
import org.caseflow.events.AlertStatus;
import org.caseflow.events.DeadlineAlert;
import org.caseflow.schemas.CaseflowSerdes;
import org.caseflow.streams.runtime.Waits;
import org.caseflow.streams.runtime.notify.NotifyFixture;
import org.caseflow.streams.runtime.notify.NotifyService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code caseflow notify} throughput and latency (issue 9; not a timed test, figures printed): alerts produced at
 * 1,000 a second for 30 s, two recipients each, to a local webhook that answers 200 at once; deliveries per second and
 * the p50/p99/max from each alert's raisedAt to its arrival at the endpoint. Then a backlog of 20,000 alerts drained
 * as fast as notify goes. Run: {@code mvn -B -ntp -o -Pbenchmark -pl streams -am test -Dtest=NotifyBenchmarkTest
 * -Dsurefire.failIfNoSpecifiedTests=false}; a profile: add
 * {@code -Dtest.jvm.extra=-XX:StartFlightRecording=filename=/tmp/notify.jfr,settings=profile}.
 */
@Tag("benchmark")
class NotifyBenchmarkTest {
    private static final int RATE = 1_000;
    private static final int SECONDS = 30;
    private static final int WARM_UP_SECONDS = 15;
    private static final int BACKLOG = 20_000;

    @Test
    void shouldReportDeliveriesPerSecondAndLatencyAtAThousandAlertsPerSecond() throws Exception {
        Sink sink = new Sink();
        NotifyFixture fx = new NotifyFixture();
        try (NotifyService service = NotifyService.create(fx.config(Map.of("caseflow.notify.webhook.url", sink.url(),
                "caseflow.notify.request.timeout.ms", "10000")))) {
            Thread loop = new Thread(service::run, "notify-bench");
            loop.start();
            // Measured from when notify is up (its consumer holds the alerts' partitions), as a deployed one is when
            // alerts come: the group join is start-up, not delivery latency. Everything after counts, cold JIT included.
            Waits.await("notify's consumer assigned").until(() -> assigned(fx));
            System.out.println("notify bench: load average at start " + loadAverage());
            // Warm-up (like caseflow bench's): the same pace for WARM_UP_SECONDS, printed as such and not counted. In a
            // fresh JVM the first ~10 s ran interpreted and JIT-compiling on two shared cores (p99 3-10 s, then tens of
            // ms); a deployed notify has delivered before. -Dnotify.bench.warmup=false measures the cold start.
            if (Boolean.parseBoolean(System.getProperty("notify.bench.warmup", "true"))) {
                paced(fx, sink, WARM_UP_SECONDS, "W", "notify paced (warm-up, not counted)");
            }
            // Phase 1: paced at RATE alerts/s, raisedAt = when produced.
            paced(fx, sink, SECONDS, "P", "notify paced");
            // Phase 2: a backlog, as fast as it goes.
            sink.reset(BACKLOG * 2);
            produce(fx, BACKLOG, 0, "B");
            long drainStart = System.nanoTime();
            Waits.await("backlog drained", Duration.ofMinutes(5)).until(() -> sink.count.get() >= BACKLOG * 2);
            double drained = sink.count.get() / ((sink.lastNanos - drainStart) / 1e9);
            System.out.printf(Locale.ROOT, "notify backlog: %d alerts x 2 recipients drained at %.0f deliveries/s%n", BACKLOG, drained);
            System.out.println("notify bench: load average at end " + loadAverage() + " (the machine is shared: compare on a quiet one)");
            assertThat(sink.count.get()).isGreaterThanOrEqualTo(BACKLOG * 2);
            service.close();
            loop.join(15_000);
        } finally {
            sink.close();
        }
    }

    private static void paced(NotifyFixture fx, Sink sink, int seconds, String prefix, String label) throws Exception {
        sink.reset(RATE * seconds * 2);
        long start = System.nanoTime();
        produce(fx, RATE * seconds, RATE, prefix);
        Waits.await(label, Duration.ofMinutes(5)).until(() -> sink.count.get() >= RATE * seconds * 2);
        double paced = sink.count.get() / ((sink.lastNanos - start) / 1e9);
        long[] lat = sink.latencies();
        System.out.printf(Locale.ROOT, "%s: %d alerts at %d/s x 2 recipients: %.0f deliveries/s; raisedAt->delivery"
                + " p50 %d ms, p99 %d ms, max %d ms%n", label, RATE * seconds, RATE, paced, pct(lat, 0.50), pct(lat, 0.99),
                lat[lat.length - 1]);
        System.out.println(label + ": p99 by 5 s of raisedAt: " + sink.p99ByWindow(5_000));
    }

    private static void produce(NotifyFixture fx, int n, int perSecond, String prefix) throws Exception {
        var serializer = CaseflowSerdes.deadlineAlert().serializer();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers",
                fx.bootstrap, "linger.ms", "5"), new StringSerializer(), new ByteArraySerializer())) {
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                if (perSecond > 0) {
                    long due = start + (long) i * 1_000_000_000L / perSecond;
                    // The load generator's pace, not a wait in a test. Parked, not spun: a spinning producer took one of
                    // the machine's two cores from notify, the broker and the sink (a third of the profile's samples).
                    for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
                        LockSupport.parkNanos(left);
                    }
                }
                DeadlineAlert a = DeadlineAlert.newBuilder(NotifyFixture.alert(prefix + "-" + (i % 5_000), AlertLevel.values()[i % 5],
                        AlertStatus.FIRING, List.of("judge:J-" + (i % 50), "president:湘0211")))
                        .setAlertId(prefix + "-" + i + "/v1/N").setRaisedAt(Instant.now()).build();
                producer.send(new ProducerRecord<>(fx.topics.deadlineAlerts(), a.getCaseId(),
                        serializer.serialize(fx.topics.deadlineAlerts(), a)));
            }
            producer.flush();
        }
    }

    private static boolean assigned(NotifyFixture fx) {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.<String, Object>of("bootstrap.servers", fx.bootstrap))) {
            var group = admin.describeConsumerGroups(List.of(fx.prefix + "notify")).all().get().get(fx.prefix + "notify");
            return group.members().stream().anyMatch(m -> m.assignment().topicPartitions().stream()
                    .anyMatch(tp -> tp.topic().equals(fx.topics.deadlineAlerts())));
        } catch (Exception e) {
            return false;
        }
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static long pct(long[] sorted, double p) {
        return sorted.length == 0 ? -1 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    /**
     * A webhook that answers 200 at once and records each delivery's latency from its raisedAt: a plain HTTP/1.1
     * server, one thread per keep-alive connection (notify opens at most {@code caseflow.notify.http.connections} to
     * it), reading Content-Length bodies and answering {@code 200} with an empty body. Not the JDK's HttpServer: on
     * this 2-core machine that sink took about a fifth of the benchmark's CPU samples (header maps, response headers,
     * its dispatcher), CPU taken from notify and the broker, when a real endpoint runs elsewhere.
     */
    private static final class Sink implements AutoCloseable {
        private static final byte[] OK = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] RAISED_AT = "\"raisedAt\":\"".getBytes(StandardCharsets.US_ASCII);

        final AtomicInteger count = new AtomicInteger();
        volatile long lastNanos;
        private volatile long[] latencies = new long[0];
        private volatile long[] raisedAts = new long[0];
        private final ServerSocket server;
        private final List<Socket> connections = new CopyOnWriteArrayList<>();

        Sink() throws Exception {
            server = new ServerSocket(0, 1000, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(this::accept, "sink-accept");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    s.setTcpNoDelay(true);
                    connections.add(s);
                    Thread t = new Thread(() -> serve(s), "sink-conn");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }

        /** Requests on one connection until the client closes it. */
        private void serve(Socket s) {
            try (s; InputStream in = new BufferedInputStream(s.getInputStream(), 16_384);
                    OutputStream out = s.getOutputStream()) {
                while (true) {
                    int length = headers(in);
                    if (length < 0) {
                        return;
                    }
                    byte[] body = in.readNBytes(length);
                    long now = System.currentTimeMillis();
                    out.write(OK);
                    out.flush();
                    int i = count.getAndIncrement();
                    long[] l = latencies;
                    long[] r = raisedAts;
                    long raised = raisedAt(body);
                    if (raised > 0 && i < l.length && i < r.length) {
                        l[i] = now - raised;
                        r[i] = raised;
                    }
                    lastNanos = System.nanoTime();
                }
            } catch (IOException closed) {
                // the client or close() ended the connection
            }
        }

        /** Reads a request head; its Content-Length, or -1 at the end of the stream. */
        private static int headers(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            int length = 0;
            boolean any = false;
            for (int c = in.read(); c >= 0; c = in.read()) {
                any = true;
                if (c == '\n') {
                    if (line.length() == 0) {
                        return length; // the blank line ending the head
                    }
                    String h = line.toString();
                    if (h.regionMatches(true, 0, "content-length:", 0, 15)) {
                        length = Integer.parseInt(h.substring(15).trim());
                    }
                    line.setLength(0);
                } else if (c != '\r') {
                    line.append((char) c);
                }
            }
            if (any) {
                throw new EOFException("request head cut short");
            }
            return -1;
        }

        private static long raisedAt(byte[] body) {
            outer:
            for (int i = 0; i + RAISED_AT.length < body.length; i++) {
                for (int j = 0; j < RAISED_AT.length; j++) {
                    if (body[i + j] != RAISED_AT[j]) {
                        continue outer;
                    }
                }
                int from = i + RAISED_AT.length;
                int to = from;
                while (to < body.length && body[to] != '"') {
                    to++;
                }
                return Instant.parse(new String(body, from, to - from, StandardCharsets.US_ASCII)).toEpochMilli();
            }
            return -1;
        }

        String url() {
            return "http://127.0.0.1:" + server.getLocalPort() + "/hook";
        }

        void reset(int expected) {
            latencies = new long[expected];
            raisedAts = new long[expected];
            count.set(0);
        }

        long[] latencies() {
            long[] l = Arrays.copyOf(latencies, Math.min(count.get(), latencies.length));
            Arrays.sort(l);
            return l;
        }

        /** The p99 latency of the deliveries of alerts raised in each window, in order (diagnostic only). */
        String p99ByWindow(long windowMillis) {
            int n = Math.min(count.get(), latencies.length);
            long first = Long.MAX_VALUE;
            for (int i = 0; i < n; i++) {
                first = Math.min(first, raisedAts[i]);
            }
            java.util.TreeMap<Long, List<Long>> windows = new java.util.TreeMap<>();
            for (int i = 0; i < n; i++) {
                windows.computeIfAbsent((raisedAts[i] - first) / windowMillis, k -> new java.util.ArrayList<>()).add(latencies[i]);
            }
            StringBuilder out = new StringBuilder();
            windows.forEach((w, l) -> out.append(out.length() == 0 ? "" : ", ").append(w * windowMillis / 1000).append("s: ")
                    .append(pct(l.stream().mapToLong(Long::longValue).sorted().toArray(), 0.99)).append(" ms"));
            return out.toString();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket s : connections) {
                s.close();
            }
        }
    }
}
