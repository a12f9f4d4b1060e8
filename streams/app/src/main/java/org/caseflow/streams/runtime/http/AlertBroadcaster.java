package org.caseflow.streams.runtime.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.caseflow.streams.runtime.config.ApiTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans alerts out to the server-sent-event clients of {@code /api/v1/alerts/stream}, each client seeing the courts its
 * token allows. Every event carries an id, the {@link StreamPosition} after it in the deadline-alerts topic. The last
 * {@code keep} alerts stay in memory, so a client that reconnects with {@code Last-Event-ID} first receives those it
 * missed; when some of them are no longer kept (or arrived before this instance started reading) it receives a
 * {@code gap} event first, saying to reload. Idle connections get a comment line every {@code heartbeat}, so proxies
 * that close silent connections keep them. All of it under one lock: alerts are sent in the order they were kept.
 */
public final class AlertBroadcaster implements AutoCloseable {
    static final int DEFAULT_KEEP = 10_000;
    static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(15);
    private static final Logger LOG = LoggerFactory.getLogger(AlertBroadcaster.class);

    private record Kept(int partition, long offset, String court, String id, String json) {
    }

    private final ObjectMapper mapper = new ObjectMapper();
    private final int keep;
    private final Duration heartbeat;
    private final Deque<Kept> kept = new ArrayDeque<>();
    /** Per partition: offset of the next alert not yet seen. */
    private final Map<Integer, Long> next = new TreeMap<>();
    /** Per partition: alerts below this offset are not kept (never read here, or evicted). */
    private final Map<Integer, Long> floor = new HashMap<>();
    private final Map<AlertSink, Set<String>> clients = new LinkedHashMap<>();
    private ScheduledExecutorService heartbeats;

    public AlertBroadcaster() {
        this(DEFAULT_KEEP, DEFAULT_HEARTBEAT);
    }

    /**
     * @param keep      alerts kept for clients that resume ({@code caseflow.sse.replay.events})
     * @param heartbeat time between comment lines to every client ({@code caseflow.sse.heartbeat.ms})
     */
    public AlertBroadcaster(int keep, Duration heartbeat) {
        this.keep = keep;
        this.heartbeat = heartbeat;
    }

    /**
     * The alert tail (re)starts reading at these offsets: alerts before them were never seen by this instance, so a
     * client resuming from earlier is told of a gap.
     */
    public synchronized void following(Map<Integer, Long> positions) {
        positions.forEach((partition, offset) -> {
            floor.merge(partition, offset, Math::max);
            next.merge(partition, offset, Math::max);
        });
    }

    /** Keeps one alert ({@code {"alertId",...,"court",...}}) read at partition/offset and sends it to the clients. */
    public synchronized void publish(int partition, long offset, String alertJson) {
        String court;
        try {
            court = mapper.readTree(alertJson).path("court").asText("");
        } catch (IOException e) {
            LOG.warn("not publishing malformed alert JSON: {}", e.getMessage());
            return;
        }
        next.merge(partition, offset + 1, Math::max);
        Kept alert = new Kept(partition, offset, court, StreamPosition.of(next).id(), alertJson);
        kept.addLast(alert);
        while (kept.size() > keep) {
            Kept gone = kept.removeFirst();
            floor.merge(gone.partition(), gone.offset() + 1, Math::max);
        }
        clients.entrySet().removeIf(client -> client.getKey().closed());
        clients.forEach((client, courts) -> send(client, courts, alert));
    }

    public synchronized int clientCount() {
        return clients.size();
    }

    /** The Javalin route: keeps the request open for the client's lifetime. */
    void register(SseClient client, Set<String> courts) {
        SseSink sink = new SseSink(client);
        client.onClose(() -> disconnect(sink));
        connect(sink, courts, client.ctx().header("Last-Event-ID"));
        // Keeps the handler's request open until the client goes away.
        client.keepAlive();
    }

    /** Adds a client; with a {@code lastEventId} of ours, first replays the kept alerts it has not seen. */
    synchronized void connect(AlertSink client, Set<String> courts, String lastEventId) {
        client.comment("caseflow alert stream"); // the first bytes: proxies forward the response from here on
        Optional<StreamPosition> resume = StreamPosition.parse(lastEventId);
        if (lastEventId != null && resume.isEmpty()) {
            client.comment("Last-Event-ID not understood, streaming new alerts only");
        }
        resume.ifPresent(from -> replay(client, courts, from));
        clients.put(client, courts);
        startHeartbeats();
    }

    private void replay(AlertSink client, Set<String> courts, StreamPosition from) {
        // Nothing followed yet means nothing kept: whatever came after the client's id, this instance cannot replay it.
        boolean gap = floor.isEmpty() || floor.entrySet().stream().anyMatch(f -> from.next(f.getKey()) < f.getValue());
        if (gap) {
            client.send("gap", null, "{\"reason\":\"some alerts after Last-Event-ID are no longer kept by this instance"
                    + " (it keeps the last " + keep + "); reload the lists to catch up\"}");
        }
        kept.stream().filter(k -> k.offset() >= from.next(k.partition()))
                .forEach(k -> send(client, courts, k));
    }

    synchronized void disconnect(AlertSink client) {
        clients.remove(client);
    }

    /** Sends the comment line to every client; the scheduler calls it, tests call it directly. */
    synchronized void heartbeat() {
        clients.entrySet().removeIf(client -> client.getKey().closed());
        clients.keySet().forEach(client -> client.comment("heartbeat"));
    }

    private void send(AlertSink client, Set<String> courts, Kept alert) {
        if (ApiTokens.allows(courts, alert.court())) {
            client.send("alert", alert.id(), alert.json());
        }
    }

    private void startHeartbeats() {
        if (heartbeats == null) {
            heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "alert-stream-heartbeat");
                thread.setDaemon(true);
                return thread;
            });
            long millis = heartbeat.toMillis();
            heartbeats.scheduleAtFixedRate(() -> {
                try {
                    heartbeat();
                } catch (RuntimeException e) {
                    LOG.warn("alert stream heartbeat failed: {}", e.toString()); // an exception would stop the schedule
                }
            }, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void close() {
        if (heartbeats != null) {
            heartbeats.shutdownNow();
        }
        clients.clear();
    }
}
