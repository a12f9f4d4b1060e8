package org.caseflow.streams.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.caseflow.events.AlertLevel;
import org.caseflow.events.AlertStatus;
import org.caseflow.events.DeadlineAlert;
import org.caseflow.schemas.CaseflowSerdes;
import org.caseflow.streams.runtime.notify.NotifyFixture;
import org.caseflow.streams.runtime.notify.NotifyService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code caseflow notify} throughput and latency (issue 9; not a timed test, figures printed): alerts produced at
 * 1,000 a second for 30 s, two recipients each, to a local webhook that answers 200 at once; deliveries per second and
 * the p50/p99/max from each alert's raisedAt to its arrival at the endpoint. Then a backlog of 20,000 alerts drained
 * as fast as notify goes. Run: {@code mvn -B -Pbenchmark -pl streams -am test -Dtest=NotifyBenchmarkTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class NotifyBenchmarkTest {
    private static final Pattern RAISED_AT = Pattern.compile("\"raisedAt\":\"([^\"]+)\"");
    private static final int RATE = 1_000;
    private static final int SECONDS = 30;
    private static final int BACKLOG = 20_000;

    @Test
    void shouldReportDeliveriesPerSecondAndLatencyAtAThousandAlertsPerSecond() throws Exception {
        Sink sink = new Sink();
        NotifyFixture fx = new NotifyFixture();
        try (NotifyService service = NotifyService.create(fx.config(Map.of("caseflow.notify.webhook.url", sink.url(),
                "caseflow.notify.request.timeout.ms", "10000")))) {
            Thread loop = new Thread(service::run, "notify-bench");
            loop.start();
            // Phase 1: paced at RATE alerts/s, raisedAt = when produced.
            sink.reset(RATE * SECONDS * 2);
            long start = System.nanoTime();
            produce(fx, RATE * SECONDS, RATE, "P");
            NotifyFixture.await(Duration.ofMinutes(5), "paced deliveries", () -> sink.count.get() >= RATE * SECONDS * 2);
            double paced = sink.count.get() / ((sink.lastNanos - start) / 1e9);
            long[] lat = sink.latencies();
            System.out.printf(Locale.ROOT, "notify paced: %d alerts at %d/s x 2 recipients: %.0f deliveries/s; raisedAt->delivery"
                    + " p50 %d ms, p99 %d ms, max %d ms%n", RATE * SECONDS, RATE, paced, pct(lat, 0.50), pct(lat, 0.99),
                    lat[lat.length - 1]);
            // Phase 2: a backlog, as fast as it goes.
            sink.reset(BACKLOG * 2);
            produce(fx, BACKLOG, 0, "B");
            long drainStart = System.nanoTime();
            NotifyFixture.await(Duration.ofMinutes(5), "backlog drained", () -> sink.count.get() >= BACKLOG * 2);
            double drained = sink.count.get() / ((sink.lastNanos - drainStart) / 1e9);
            System.out.printf(Locale.ROOT, "notify backlog: %d alerts x 2 recipients drained at %.0f deliveries/s%n", BACKLOG, drained);
            assertThat(sink.count.get()).isGreaterThanOrEqualTo(BACKLOG * 2);
            service.close();
            loop.join(15_000);
        } finally {
            sink.close();
        }
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

    private static long pct(long[] sorted, double p) {
        return sorted.length == 0 ? -1 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    /**
     * A webhook that answers 200 at once and records each delivery's latency from its raisedAt. Its handler threads
     * outnumber notify's connections to it ({@code caseflow.notify.http.connections}), so no request waits for one.
     */
    private static final class Sink implements AutoCloseable {
        final AtomicInteger count = new AtomicInteger();
        volatile long lastNanos;
        private volatile long[] latencies = new long[0];
        private final ExecutorService pool = Executors.newFixedThreadPool(32);
        private final HttpServer server;

        Sink() throws Exception {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1000);
            server.createContext("/", ex -> {
                byte[] body;
                try (InputStream in = ex.getRequestBody()) {
                    body = in.readAllBytes();
                }
                long now = System.currentTimeMillis();
                Matcher m = RAISED_AT.matcher(new String(body, StandardCharsets.UTF_8));
                ex.sendResponseHeaders(200, -1);
                ex.close();
                int i = count.getAndIncrement();
                long[] l = latencies;
                if (m.find() && i < l.length) {
                    l[i] = now - Instant.parse(m.group(1)).toEpochMilli();
                }
                lastNanos = System.nanoTime();
            });
            server.setExecutor(pool);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        void reset(int expected) {
            latencies = new long[expected];
            count.set(0);
        }

        long[] latencies() {
            long[] l = Arrays.copyOf(latencies, Math.min(count.get(), latencies.length));
            Arrays.sort(l);
            return l;
        }

        @Override
        public void close() {
            server.stop(0);
            pool.shutdownNow();
        }
    }
}
