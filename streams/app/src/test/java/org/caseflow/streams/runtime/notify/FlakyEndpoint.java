package org.caseflow.streams.runtime.notify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;

/**
 * A real local HTTP server (JDK HttpServer) that fails on purpose: a script says, for each Idempotency-Key and attempt
 * number (1, 2, ...), what to answer. Every request is recorded with its headers, body and arrival time.
 */
public final class FlakyEndpoint implements AutoCloseable {
    /** What to do with one attempt: wait {@code delayMillis}, then answer {@code status} (with Retry-After if set). */
    public record Answer(int status, long delayMillis, String retryAfter) {
        public static Answer ok() {
            return new Answer(200, 0, null);
        }

        public static Answer status(int status) {
            return new Answer(status, 0, null);
        }

        public static Answer slow(long millis) {
            return new Answer(200, millis, null);
        }

        public static Answer retryAfter(int status, String value) {
            return new Answer(status, 0, value);
        }
    }

    record Request(String key, String signature, byte[] body, long nanos, int attempt, int answered) {
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(32);
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();
    private volatile BiFunction<String, Integer, Answer> script;

    private FlakyEndpoint(int port, BiFunction<String, Integer, Answer> script) throws IOException {
        this.script = script;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 200);
        server.createContext("/", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    public static FlakyEndpoint start(int port, BiFunction<String, Integer, Answer> script) throws IOException {
        return new FlakyEndpoint(port, script);
    }

    void script(BiFunction<String, Integer, Answer> newScript) {
        this.script = newScript;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    private void handle(HttpExchange ex) throws IOException {
        long now = System.nanoTime();
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readAllBytes();
        }
        String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
        int attempt = attempts.merge(key, 1, Integer::sum);
        Answer answer = script.apply(key, attempt);
        // Recorded on arrival: an attempt the client gives up on (time-out) still counts.
        requests.add(new Request(key, ex.getRequestHeaders().getFirst("X-Caseflow-Signature"), body, now, attempt,
                answer.status()));
        if (answer.delayMillis() > 0) {
            try {
                Thread.sleep(answer.delayMillis()); // the slow or timing-out endpoint under test, not a wait in the test
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (answer.retryAfter() != null) {
            ex.getResponseHeaders().set("Retry-After", answer.retryAfter());
        }
        ex.sendResponseHeaders(answer.status(), -1);
        ex.close();
    }

    List<Request> requests() {
        return new ArrayList<>(requests);
    }

    List<Request> requests(String key) {
        return requests.stream().filter(r -> key.equals(r.key())).toList();
    }

    /** Keys answered 2xx at least once. */
    public java.util.Set<String> deliveredKeys() {
        java.util.Set<String> keys = new java.util.TreeSet<>();
        requests.stream().filter(r -> r.answered() / 100 == 2).forEach(r -> keys.add(r.key()));
        return keys;
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
